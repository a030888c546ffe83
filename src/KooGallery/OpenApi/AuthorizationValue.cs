namespace Provisioning.KooGallery.OpenApi;

/// <summary>
/// Parses <c>SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…</c>: each field exactly once, in any order,
/// blanks around fields ignored; signed header names lowercase, sorted and distinct; the signature 64 lowercase hex digits.
/// </summary>
internal static class AuthorizationValue
{
    public static bool TryParse(string value, out string access, out string[] signedHeaders, out string signature)
    {
        access = signature = string.Empty;
        signedHeaders = [];
        const string prefix = ApiGatewaySigner.Algorithm + " ";
        if (!value.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        string? a = null, h = null, s = null;
        foreach (var part in value[prefix.Length..].Split(','))
        {
            var eq = part.IndexOf('=');
            var field = eq < 0 ? null : part[..eq].Trim();
            var text = eq < 0 ? "" : part[(eq + 1)..].Trim();
            switch (field)
            {
                case "Access" when a is null: a = text; break;
                case "SignedHeaders" when h is null: h = text; break;
                case "Signature" when s is null: s = text; break;
                default: return false;
            }
        }

        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(h) || s is not { Length: 64 } || !s.All(char.IsAsciiHexDigitLower))
        {
            return false;
        }

        var names = h.Split(';');
        var wellFormed = names.All(n => n.Length > 0 && n == n.ToLowerInvariant())
            && names.SequenceEqual(names.Order(StringComparer.Ordinal).Distinct(StringComparer.Ordinal))
            && names.Contains("host") && names.Contains("x-sdk-date");
        if (!wellFormed)
        {
            return false;
        }

        (access, signedHeaders, signature) = (a, names, s);
        return true;
    }
}
