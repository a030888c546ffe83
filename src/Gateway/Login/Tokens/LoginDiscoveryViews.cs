using System.Text.Json.Serialization;

namespace Provisioning.Gateway.Login;

/// <summary>A JWK Set (RFC 7517 §5) of public keys only.</summary>
public sealed record JwkSetView([property: JsonPropertyName("keys")] IReadOnlyList<JwkView> Keys);

/// <summary>An EC public JWK (RFC 7518 §6.2.1): never the private member <c>d</c>.</summary>
public sealed record JwkView(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("crv")] string Crv,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("alg")] string Alg);

/// <summary>
/// The discovery document: the OpenID Provider Metadata members that hold for our tokens. The login starts per tenant, so
/// there is no single <c>authorization_endpoint</c>: <c>login_endpoint_template</c> (not standard) is the login address with
/// its <c>{tenantId}</c> placeholder.
/// </summary>
public sealed record DiscoveryView(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("login_endpoint_template")] string LoginEndpointTemplate,
    [property: JsonPropertyName("end_session_endpoint")] string EndSessionEndpoint,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypesSupported,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypesSupported,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> IdTokenSigningAlgValuesSupported,
    [property: JsonPropertyName("claims_supported")] IReadOnlyList<string> ClaimsSupported);
