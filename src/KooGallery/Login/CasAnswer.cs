using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Provisioning.KooGallery.Login;

/// <summary>
/// Reads a CAS 3.0 <c>serviceValidate</c> answer (kit §D.3) in either form, whichever was sent: XML
/// (<c>cas:serviceResponse</c>) or JSON (<c>{"serviceResponse":…}</c>). An attribute given twice is refused, as a
/// repeated JSON key is, since readers would disagree on which one counts.
/// </summary>
internal static class CasAnswer
{
    private const string What = "CAS ticket validation";

    private static readonly XNamespace Cas = "http://www.yale.edu/tp/cas";

    private static readonly XmlReaderSettings XmlSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public static AuthCenterResult<CasUser> Read(int status, byte[] body, SentSecrets sent)
    {
        if (AuthCenterAnswer.ByStatus<CasUser>(status, What, tokenCall: false) is { } failure) return failure;
        try
        {
            var text = body.AsSpan(body.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0);
            var first = text.TrimStart(" \t\r\n"u8);
            return first.IsEmpty ? throw new FormatException("the answer is empty")
                : first[0] == (byte)'<' ? FromXml(status, body, sent)
                : FromJson(status, text, sent);
        }
        catch (FormatException e)
        {
            return AuthCenterAnswer.Unreadable<CasUser>(status, What, sent.Scrub(e.Message));
        }
    }

    private static AuthCenterResult<CasUser> FromXml(int status, byte[] body, SentSecrets sent)
    {
        XElement root;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), XmlSettings);
            root = XDocument.Load(reader).Root!;
        }
        catch (XmlException)
        {
            throw new FormatException("the answer is not well-formed XML");
        }

        if (root.Name != Cas + "serviceResponse") throw new FormatException("the root element is not cas:serviceResponse");
        var outcome = Single(root.Elements().Where(e => e.Name == Cas + "authenticationSuccess" || e.Name == Cas + "authenticationFailure"),
            "cas:authenticationSuccess or cas:authenticationFailure");
        if (outcome.Name.LocalName == "authenticationFailure")
        {
            return Failure(status, outcome.Attribute("code")?.Value, outcome.Value.Trim(), sent);
        }

        var attributes = outcome.Elements(Cas + "attributes").ToList() switch
        {
            [] => null,
            [var one] => one,
            _ => throw new FormatException("cas:attributes is given more than once"),
        };
        return Success(status, XmlText(outcome, "user"), name => attributes is null ? null : XmlText(attributes, name));
    }

    private static AuthCenterResult<CasUser> FromJson(int status, ReadOnlySpan<byte> body, SentSecrets sent)
    {
        if (!JsonObjectBody.TryRead(body, out var json, out var problem)) throw new FormatException(problem);
        if (!json.TryGetProperty("serviceResponse", out var response) || response.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("serviceResponse is missing");
        }

        if (response.TryGetProperty("authenticationFailure", out var failure) && failure.ValueKind == JsonValueKind.Object)
        {
            return response.TryGetProperty("authenticationSuccess", out _)
                ? throw new FormatException("serviceResponse holds both authenticationSuccess and authenticationFailure")
                : Failure(status, JsonEnvelope.Text(failure, "code"), JsonEnvelope.Text(failure, "description"), sent);
        }

        if (!response.TryGetProperty("authenticationSuccess", out var success) || success.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("serviceResponse holds neither authenticationSuccess nor authenticationFailure");
        }

        var attributes = success.TryGetProperty("attributes", out var found) && found.ValueKind == JsonValueKind.Object ? found : default;
        return Success(status, JsonText(success, "user"), name => JsonText(attributes, name));
    }

    private static AuthCenterResult<CasUser> Success(int status, string? user, Func<string, string?> attribute)
    {
        var tenant = attribute("tenant");
        var userName = attribute("userName") ?? user;
        if (user is null) throw new FormatException("user is missing");
        if (userName is null) throw new FormatException("userName is missing");
        if (tenant is null) throw new FormatException("the tenant attribute is missing");
        return AuthCenterResult<CasUser>.Success(
            new CasUser(user, userName, attribute("name"), AuthCenterAnswer.Role(attribute("role")), attribute("organizationCode"), tenant),
            status);
    }

    private static AuthCenterResult<CasUser> Failure(int status, string? code, string? description, SentSecrets sent)
    {
        var said = $"The auth center refused the service ticket: {sent.Scrub(code ?? "no code")}"
                   + (string.IsNullOrEmpty(description) ? "" : $" ({sent.Scrub(description)})");
        return code switch
        {
            "INVALID_TICKET" => AuthCenterResult<CasUser>.Failed(AuthCenterFailure.InvalidTicket, code, status,
                $"{said}. The ticket is unknown, already used or expired; log in again."),
            "INVALID_SERVICE" => AuthCenterResult<CasUser>.Failed(AuthCenterFailure.InvalidService, code, status,
                $"{said}. The service must be the registered callback URL the ticket was issued for."),
            _ => AuthCenterResult<CasUser>.Failed(AuthCenterFailure.Refused, sent.Scrub(code ?? ""), status, said + "."),
        };
    }

    private static string? XmlText(XElement parent, string name) =>
        parent.Elements(Cas + name).ToList() switch
        {
            [] => null,
            [var one] => one.Value.Trim() is { Length: > 0 } text ? text : null,
            _ => throw new FormatException($"cas:{name} is given more than once"),
        };

    // CAS servers send an attribute as a string or as a list of values; one value only is accepted here.
    private static string? JsonText(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Array)
        {
            value = value.GetArrayLength() switch
            {
                0 => default,
                1 => value[0],
                _ => throw new FormatException($"{name} holds more than one value"),
            };
        }

        return value.ValueKind switch
        {
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            _ => throw new FormatException($"{name} is not text"),
        };
    }

    private static XElement Single(IEnumerable<XElement> elements, string what) =>
        elements.ToList() switch
        {
            [var one] => one,
            [] => throw new FormatException($"cas:serviceResponse holds no {what}"),
            _ => throw new FormatException($"cas:serviceResponse holds more than one {what}"),
        };
}
