using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Provisioning.KooGallery.Licenses;

namespace Provisioning.KooGallery.Responses;

/// <summary>
/// Serializes production-interface answers once, to the exact bytes that are signed and sent: camelCase, nulls omitted,
/// and pure ASCII (non-ASCII text becomes <c>\uXXXX</c>, as the marketplace asks for memo text; spec §5 Q9).
/// </summary>
public static class ResponseJson
{
    public const string ContentType = "application/json;charset=UTF-8";

    private static readonly ResponseJsonContext Context = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.Default,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    public static byte[] Serialize(ResultResponse response) => JsonSerializer.SerializeToUtf8Bytes(response, Context.ResultResponse);

    public static byte[] Serialize(NewInstanceResponse response) => JsonSerializer.SerializeToUtf8Bytes(response, Context.NewInstanceResponse);

    public static byte[] Serialize(V2NewInstanceResponse response) => JsonSerializer.SerializeToUtf8Bytes(response, Context.V2NewInstanceResponse);

    public static byte[] Serialize(QueryInstanceResponse response) => JsonSerializer.SerializeToUtf8Bytes(response, Context.QueryInstanceResponse);

    public static byte[] Serialize(GetLicenseResponse response) => JsonSerializer.SerializeToUtf8Bytes(response, Context.GetLicenseResponse);
}

[JsonSerializable(typeof(ResultResponse))]
[JsonSerializable(typeof(NewInstanceResponse))]
[JsonSerializable(typeof(V2NewInstanceResponse))]
[JsonSerializable(typeof(QueryInstanceResponse))]
[JsonSerializable(typeof(GetLicenseResponse))]
internal sealed partial class ResponseJsonContext : JsonSerializerContext;
