using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Provisioning.Grains.Instances;

/// <summary>
/// Issues the access (URLs and initial credentials) of a newly opened instance from the configured templates. Only the
/// templates are checked at startup; what the order fills in is checked here, so no instance ever holds access the
/// marketplace cannot be sent. With the provisioning hook, what the seller's application answered replaces the templates: each
/// URL it gives replaces that template, and credentials go together (a user name or password from the application means both
/// come from it, the one it left out being none); the memo is always the template's.
/// </summary>
public sealed class InstanceAccessIssuer(IOptions<InstanceAccessOptions> options, IAccessLimits limits)
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789!@#$%^&*";

    /// <summary>
    /// The access for the order (over the templates, what <paramref name="tenant"/> answered), or a refusal naming each filled-in
    /// value over its limit (the spec allows no truncation).
    /// </summary>
    public IssuedAccess Issue(string instanceId, OpenInstance order, ProvisionedTenant? tenant = null)
    {
        var o = options.Value;
        string Render(string? template, bool url) => Placeholders(template ?? "", instanceId, order, url);
        var credentialsFromTenant = tenant is { UserName: not null } or { Password: not null };

        var access = new InstanceAccess(
            tenant?.FrontEndUrl ?? Render(o.FrontEndUrl, url: true),
            tenant?.AdminUrl ?? (string.IsNullOrEmpty(o.AdminUrl) ? null : Render(o.AdminUrl, url: true)),
            credentialsFromTenant ? tenant!.UserName : string.IsNullOrEmpty(o.UserName) ? null : Render(o.UserName, url: false),
            credentialsFromTenant ? tenant!.Password : o.PasswordLength == 0 ? null : NewPassword(o.PasswordLength),
            string.IsNullOrEmpty(o.Memo) ? null : Render(o.Memo, url: false));
        return limits.Violations(access) is { } violations
            ? new IssuedAccess(null, $"instance {instanceId} not opened: once filled in from the order, {violations}")
            : new IssuedAccess(access, null);
    }

    /// <summary>Each value the seller's application answered that the marketplace cannot carry, or null when all fit.</summary>
    public string? Violations(ProvisionedTenant tenant) =>
        limits.Violations(new InstanceAccess(tenant.FrontEndUrl ?? "", tenant.AdminUrl, tenant.UserName, tenant.Password, Memo: null));

    private static string Placeholders(string template, string instanceId, OpenInstance order, bool url)
    {
        string Value(string? v) => url ? Uri.EscapeDataString(v ?? "") : v ?? "";
        return template
            .Replace("{instanceId}", Value(instanceId), StringComparison.Ordinal)
            .Replace("{orderId}", Value(order.OrderId), StringComparison.Ordinal)
            .Replace("{customerId}", Value(order.Buyer.CustomerId), StringComparison.Ordinal)
            .Replace("{customerName}", Value(order.Buyer.CustomerName), StringComparison.Ordinal)
            .Replace("{productId}", Value(order.Plan.ProductId), StringComparison.Ordinal)
            .Replace("{skuCode}", Value(order.Plan.SkuCode), StringComparison.Ordinal);
    }

    // Every password mixes upper case, lower case, digits and symbols, so it passes common complexity rules.
    private static string NewPassword(int length)
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(PasswordAlphabet, length);
            if (length < 4 || (candidate.Any(char.IsUpper) && candidate.Any(char.IsLower) && candidate.Any(char.IsDigit) && candidate.Any(c => !char.IsLetterOrDigit(c))))
            {
                return candidate;
            }
        }
    }
}
