namespace Provisioning.Gateway.SellerApi;

/// <summary>Which <c>X-Api-Key</c> an endpoint needs; the admin key holds every role.</summary>
public enum SellerKey
{
    /// <summary><c>SellerApi:Key</c>: reads tenants, users and departments.</summary>
    Read,

    /// <summary><c>SellerApi:UsageKey</c>: reports usage.</summary>
    Usage,

    /// <summary><c>SellerApi:LicenseKey</c>: activates activation codes and reads whether they may run.</summary>
    License,

    /// <summary><c>SellerApi:AdminKey</c>: the operator endpoints and decrypted client secrets.</summary>
    Admin,
}
