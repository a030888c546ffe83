using System.Collections.Concurrent;

namespace Provisioning.Marketplace.AuthCenter;

/// <summary>A tenant's auth center as the seller's app is registered there: its credential and its callback URLs.</summary>
public sealed record TenantScript(string ClientId, string ClientSecret, IReadOnlyList<string> RedirectUris);

/// <summary>A user of a tenant, with the attributes userinfo and CAS answer (spec §D.2, §D.3).</summary>
public sealed record AuthUser(
    string UserName,
    string Name,
    string Role,
    string OrganizationCode,
    string OrganizationName = "",
    string Email = "",
    string Mobile = "",
    string? Id = null);

/// <summary>The user signed in at a tenant's auth center: the one the next authorize or CAS login lets through.</summary>
public sealed record SignInRequest(string UserName);

/// <summary>The tenants the fake plays, their users, and who is signed in at each (one browser session per tenant).</summary>
public sealed class TenantDirectory
{
    private readonly ConcurrentDictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);

    /// <summary>Registers (or replaces the registration of) a tenant, keeping its users.</summary>
    public void Register(string tenantId, TenantScript script) =>
        _tenants.GetOrAdd(tenantId, _ => new Tenant()).Script = script;

    /// <summary>Adds (or replaces) a user; false when the tenant is unknown.</summary>
    public bool AddUser(string tenantId, AuthUser user)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant)) return false;
        tenant.Users[user.UserName] = user;
        return true;
    }

    /// <summary>Signs <paramref name="userName"/> in at the tenant; false when the tenant or the user is unknown.</summary>
    public bool SignIn(string tenantId, string userName)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant) || !tenant.Users.ContainsKey(userName)) return false;
        tenant.SignedIn = userName;
        return true;
    }

    /// <summary>Ends the tenant's session; the user who was signed in, if any.</summary>
    public string? SignOut(string tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant)) return null;
        return Interlocked.Exchange(ref tenant.SignedIn, null);
    }

    internal TenantScript? Script(string tenantId) => _tenants.TryGetValue(tenantId, out var tenant) ? tenant.Script : null;

    internal AuthUser? User(string tenantId, string userName) =>
        _tenants.TryGetValue(tenantId, out var tenant) && tenant.Users.TryGetValue(userName, out var user) ? user : null;

    internal AuthUser? SignedIn(string tenantId) =>
        _tenants.TryGetValue(tenantId, out var tenant) && tenant.SignedIn is { } userName ? User(tenantId, userName) : null;

    private sealed class Tenant
    {
        public TenantScript Script { get; set; } = null!;

        public ConcurrentDictionary<string, AuthUser> Users { get; } = new(StringComparer.Ordinal);

        // A field, so SignOut can swap it atomically.
        public string? SignedIn;
    }
}
