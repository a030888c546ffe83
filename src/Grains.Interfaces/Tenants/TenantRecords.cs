namespace Provisioning.Grains.Tenants;

/// <summary>What a sync does to the object it names.</summary>
[GenerateSerializer, Alias("prov.SyncAction")]
public enum SyncAction
{
    Delete = 0,
    Add = 1,
    Modify = 2,

    /// <summary>Users only: the app grant is withdrawn, the user record kept.</summary>
    CancelAuthorization = 3,
}

/// <summary>The enterprise's profile and which instance it is bound to (null: bound by the seller's own credential application).</summary>
[GenerateSerializer, Immutable, Alias("prov.TenantProfileSync")]
public sealed record TenantProfileSync(
    [property: Id(0)] string? InstanceId,
    [property: Id(1)] string? OrderId,
    [property: Id(2)] string TenantCode,
    [property: Id(3)] string Name,
    [property: Id(4)] string DomainName,
    [property: Id(5)] SyncAction Action);

/// <summary>The OAuth client of the seller's app for this tenant; the secret stays RSA-encrypted, as the marketplace sent it.</summary>
[GenerateSerializer, Immutable, Alias("prov.ApplicationSync")]
public sealed record ApplicationSync(
    [property: Id(0)] string? InstanceId,
    [property: Id(1)] string AppId,
    [property: Id(2)] string ClientId,
    [property: Id(3)] string EncryptedClientSecret,
    [property: Id(4)] SyncAction Action);

/// <summary>A user authorized (or no longer authorized) to use the app.</summary>
[GenerateSerializer, Immutable, Alias("prov.DirectoryUser")]
public sealed record DirectoryUser(
    [property: Id(0)] string UserName,
    [property: Id(1)] string Name,
    [property: Id(2)] string OrgCode,
    [property: Id(3)] string? Position,
    [property: Id(4)] string? EmployeeCode,
    [property: Id(5)] int? EmployeeType,
    [property: Id(6)] bool Admin,
    [property: Id(7)] bool Enabled,
    [property: Id(8)] string? Mobile,
    [property: Id(9)] string? Email,
    [property: Id(10)] string? WorkPlace,
    [property: Id(11)] string? EntryDate);

/// <summary>One batch of user authorizations; batches older than what a user already reflects are ignored for that user.</summary>
[GenerateSerializer, Immutable, Alias("prov.UserSync")]
public sealed record UserSync(
    [property: Id(0)] string AppId,
    [property: Id(1)] IReadOnlyList<DirectoryUser> Users,
    [property: Id(2)] DateTimeOffset SyncTime,
    [property: Id(3)] SyncAction Action);

/// <summary>A department; a parent code that names no known department means a top-level department.</summary>
[GenerateSerializer, Immutable, Alias("prov.Department")]
public sealed record Department(
    [property: Id(0)] string OrgCode,
    [property: Id(1)] string OrgName,
    [property: Id(2)] string? ParentCode);

/// <summary>A user as the seller's application reads it back.</summary>
[GenerateSerializer, Immutable, Alias("prov.TenantUser")]
public sealed record TenantUser(
    [property: Id(0)] string AppId,
    [property: Id(1)] DirectoryUser User,
    [property: Id(2)] bool Authorized,
    [property: Id(3)] DateTimeOffset SyncTime);

/// <summary>The seller app's client for this tenant, with its secret still encrypted.</summary>
[GenerateSerializer, Immutable, Alias("prov.TenantApplication")]
public sealed record TenantApplication(
    [property: Id(0)] string AppId,
    [property: Id(1)] string ClientId,
    [property: Id(2)] string EncryptedClientSecret,
    [property: Id(3)] DateTimeOffset UpdatedAt);

/// <summary>A tenant as it is now; null profile fields mean no tenantSync has arrived yet.</summary>
[GenerateSerializer, Immutable, Alias("prov.TenantSnapshot")]
public sealed record TenantSnapshot(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string? TenantCode,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? DomainName,
    [property: Id(4)] IReadOnlyList<string> InstanceIds,
    [property: Id(5)] bool BoundBySeller,
    [property: Id(6)] IReadOnlyList<TenantApplication> Applications);
