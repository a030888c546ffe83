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
    private const int MaxPage = 1000;

    public static IEndpointRouteBuilder MapTenantApi(this IEndpointRouteBuilder endpoints)
    {
        var tenants = endpoints.MapGroup("/api/tenants/{tenantId}");
        tenants.MapGet("", GetTenant);
        tenants.MapGet("/users", GetUsers);
        tenants.MapGet("/departments", GetDepartments);
        return endpoints;
    }

    private static async Task<Results<Ok<TenantView>, NotFound, UnauthorizedHttpResult, ProblemHttpResult>> GetTenant(
        HttpContext http, ApiKeys keys, IGrainFactory grains, IServiceProvider services, string tenantId, bool test = false, bool includeSecrets = false)
    {
        if (!keys.IsReader(http)) return TypedResults.Unauthorized();
        if (includeSecrets && !keys.IsAdmin(http)) return TypedResults.Problem("includeSecrets needs the admin key (SellerApi:AdminKey)", statusCode: StatusCodes.Status403Forbidden);

        var snapshot = await Tenant(grains, tenantId, test).Get();
        if (snapshot is null) return TypedResults.NotFound();

        var decryptor = includeSecrets ? services.GetService<ClientSecretDecryptor>() : null;
        if (includeSecrets && decryptor is null) return TypedResults.Problem("KooGallery:KitPrivateKey is not configured, so client secrets cannot be decrypted", statusCode: StatusCodes.Status409Conflict);

        var applications = snapshot.Applications.Select(a => new ApplicationView(a.AppId, a.ClientId, a.UpdatedAt,
            decryptor is not null && decryptor.TryDecrypt(a.EncryptedClientSecret, out var secret) ? secret : null)).ToArray();
        return TypedResults.Ok(new TenantView(snapshot.TenantId, snapshot.TenantCode, snapshot.Name, snapshot.DomainName, snapshot.InstanceIds, snapshot.BoundBySeller, applications));
    }

    private static async Task<Results<Ok<UserPage>, UnauthorizedHttpResult, BadRequest<string>>> GetUsers(
        HttpContext http, ApiKeys keys, IGrainFactory grains, string tenantId, bool test = false, int offset = 0, int limit = 100)
    {
        if (!keys.IsReader(http)) return TypedResults.Unauthorized();
        if (offset < 0 || limit is < 1 or > MaxPage) return TypedResults.BadRequest($"offset must be ≥ 0 and limit between 1 and {MaxPage}");

        var users = await Tenant(grains, tenantId, test).GetUsers(offset, limit);
        return TypedResults.Ok(new UserPage(offset, limit, [.. users.Select(UserView.From)]));
    }

    private static async Task<Results<Ok<IReadOnlyList<DepartmentView>>, UnauthorizedHttpResult>> GetDepartments(
        HttpContext http, ApiKeys keys, IGrainFactory grains, string tenantId, bool test = false)
    {
        if (!keys.IsReader(http)) return TypedResults.Unauthorized();

        var departments = await Tenant(grains, tenantId, test).GetDepartments();
        var codes = departments.Select(d => d.OrgCode).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<DepartmentView> views = [.. departments.Select(d =>
            new DepartmentView(d.OrgCode, d.OrgName, d.ParentCode is { } parent && codes.Contains(parent) ? parent : null))];
        return TypedResults.Ok(views);
    }

    private static ITenantGrain Tenant(IGrainFactory grains, string tenantId, bool test) =>
        grains.GetTenant(new TenantAddress(tenantId, test ? Traffic.Test : Traffic.Live));
}
