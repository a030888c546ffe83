using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;

namespace Provisioning.Gateway.Operators.Pages;

/// <summary>
/// A joint-operation tenant: profile, bound instances, app clients (never their secrets), users a page at a time (never
/// their phone numbers or e-mail addresses) and the department tree.
/// </summary>
public sealed class TenantsModel(IGrainFactory grains) : PageModel
{
    public const int UsersPerPage = 100;

    [BindProperty(SupportsGet = true)] public string? TenantId { get; set; }

    [BindProperty(SupportsGet = true)] public bool Test { get; set; }

    [BindProperty(SupportsGet = true)] public int Offset { get; set; }

    public TenantSnapshot? Tenant { get; private set; }

    public IReadOnlyList<TenantUser> Users { get; private set; } = [];

    public string? NextUsers { get; private set; }

    public IReadOnlyList<Department> TopDepartments { get; private set; } = [];

    public ILookup<string, Department> Children { get; private set; } = Array.Empty<Department>().ToLookup(d => d.OrgCode);

    public async Task<IActionResult> OnGetAsync([FromQuery] string? id)
    {
        if (TenantId is null && !string.IsNullOrWhiteSpace(id))
        {
            return Redirect($"/console/tenants/{Uri.EscapeDataString(id.Trim())}{(Test ? "?test=true" : "")}");
        }

        if (TenantId is null) return Page();
        var tenant = grains.GetTenant(new TenantAddress(TenantId, Test ? Traffic.Test : Traffic.Live));
        Tenant = await tenant.Get();
        if (Tenant is null) return Page();

        Offset = Math.Max(0, Offset);
        var users = await tenant.GetUsers(Offset, UsersPerPage + 1);
        Users = [.. users.Take(UsersPerPage)];
        if (users.Count > UsersPerPage)
        {
            NextUsers = $"/console/tenants/{Uri.EscapeDataString(TenantId)}?offset={Offset + UsersPerPage}{(Test ? "&test=true" : "")}";
        }

        var departments = await tenant.GetDepartments();
        var codes = departments.Select(d => d.OrgCode).ToHashSet(StringComparer.Ordinal);
        TopDepartments = [.. departments.Where(d => d.ParentCode is null || !codes.Contains(d.ParentCode))];
        Children = departments.Where(d => d.ParentCode is not null && codes.Contains(d.ParentCode)).ToLookup(d => d.ParentCode!, StringComparer.Ordinal);
        return Page();
    }
}
