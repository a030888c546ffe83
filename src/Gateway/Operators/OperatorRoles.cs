using Microsoft.Extensions.Options;
using Provisioning.Gateway.SellerApi;

namespace Provisioning.Gateway.Operators;

/// <summary>
/// Who may use the operator console: the admin key signs in an operator (every page and button), the read key a
/// read-only operator (every page, no button). The key is exchanged once for the console's session cookie.
/// </summary>
public sealed class OperatorRoles(IOptions<SellerApiOptions> options)
{
    public const string Scheme = "console";
    public const string Operator = "operator";
    public const string Reader = "reader";
    public const string ReadPolicy = "console-read";
    public const string ChangePolicy = "console-change";

    /// <summary>The role <paramref name="key"/> signs in as, or null when it is neither key.</summary>
    public string? RoleOf(string? key) =>
        ApiKeys.Same(key, options.Value.AdminKey) ? Operator : ApiKeys.Same(key, options.Value.Key) ? Reader : null;
}
