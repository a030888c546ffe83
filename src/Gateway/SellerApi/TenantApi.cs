using Microsoft.AspNetCore.Http.HttpResults;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;
using Provisioning.KooGallery.Kit;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// <c>/api/tenants/{tenantId}</c>: what KooGallery synced about a buyer enterprise, for the seller's application to map a
/// marketplace login to its own accounts. <c>?test=true</c> reads the debug namespace.
/// </summary>
public static class TenantApi
{
    public static IEndpointRouteBuilder MapTenantApi(this IEndpointRouteBuilder endpoints)
    {
        var tenants = endpoints.MapGroup("/api/tenants/{tenantId}").WithTags("Tenants");
        tenants.MapGet("", GetTenant).Needs(SellerKey.Read).WithName("GetTenant")
            .WithSummary("A tenant's profile, bound instances and app clients; includeSecrets=true (admin key) adds the decrypted client secrets");
        tenants.MapGet("/users", GetUsers).Needs(SellerKey.Read).WithName("GetTenantUsers")
            .WithSummary("A page of the tenant's authorized users, ordered by app and user name");
        tenants.MapGet("/departments", GetDepartments).Needs(SellerKey.Read).WithName("GetTenantDepartments")
            .WithSummary("The tenant's departments as a flat list");
        return endpoints;
    }

    private static async Task<Results<Ok<TenantView>, NotFoundProblem, ForbiddenProblem, ConflictProblem>> GetTenant(
        HttpContext http, ApiKeys keys, IGrainFactory grains, IServiceProvider services, string tenantId, bool test = false, bool includeSecrets = false)
    {
        if (includeSecrets && !keys.IsAdmin(http)) return new ForbiddenProblem("includeSecrets needs the admin key (SellerApi:AdminKey)");

        var snapshot = await Tenant(grains, tenantId, test).Get();
        if (snapshot is null) return new NotFoundProblem($"No tenant '{tenantId}' was synced{(test ? " by test traffic" : "")}");

        var decryptor = includeSecrets ? services.GetService<ClientSecretDecryptor>() : null;
        if (includeSecrets && decryptor is null) return new ConflictProblem("KooGallery:KitPrivateKey is not configured, so client secrets cannot be decrypted");

        var applications = snapshot.Applications.Select(a => new ApplicationView(a.AppId, a.ClientId, a.UpdatedAt,
            decryptor is not null && decryptor.TryDecrypt(a.EncryptedClientSecret, out var secret) ? secret : null)).ToArray();
        return TypedResults.Ok(new TenantView(snapshot.TenantId, snapshot.TenantCode, snapshot.Name, snapshot.DomainName, snapshot.InstanceIds, snapshot.BoundBySeller, applications));
    }

    private static async Task<Results<Ok<UserPage>, ValidationProblem>> GetUsers(
        IGrainFactory grains, string tenantId, bool test = false, int offset = 0, int limit = 100)
    {
        if (offset < 0 || limit is < 1 or > Paging.MaxLimit)
        {
            return Paging.Refuse($"offset must be ≥ 0 and limit between 1 and {Paging.MaxLimit}", offset < 0 ? "offset" : "limit");
        }

        var users = await Tenant(grains, tenantId, test).GetUsers(offset, limit);
        return TypedResults.Ok(new UserPage(offset, limit, [.. users.Select(UserView.From)]));
    }

    private static async Task<Ok<IReadOnlyList<DepartmentView>>> GetDepartments(IGrainFactory grains, string tenantId, bool test = false)
    {
        var departments = await Tenant(grains, tenantId, test).GetDepartments();
        var codes = departments.Select(d => d.OrgCode).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<DepartmentView> views = [.. departments.Select(d =>
            new DepartmentView(d.OrgCode, d.OrgName, d.ParentCode is { } parent && codes.Contains(parent) ? parent : null))];
        return TypedResults.Ok(views);
    }

    private static ITenantGrain Tenant(IGrainFactory grains, string tenantId, bool test) =>
        grains.GetTenant(new TenantAddress(tenantId, test ? Traffic.Test : Traffic.Live));
}
