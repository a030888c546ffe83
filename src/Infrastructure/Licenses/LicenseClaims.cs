using System.Text.Json;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;

namespace Provisioning.Infrastructure.Licenses;

/// <summary>
/// The claims of a License token (docs/licenses.md): the registered <c>sub</c>, <c>iat</c> and <c>exp</c> (absent: perpetual),
/// so any JWT library checks the lifetime, and short private names for the rest.
/// </summary>
internal static class LicenseClaims
{
    public const string Customer = "sub";
    public const string IssuedAt = "iat";
    public const string Expires = "exp";
    public const string Instance = "lic";
    public const string Product = "prd";
    public const string Sku = "sku";
    public const string Quantity = "qty";
    public const string Test = "tst";
    public const string Device = "dev";
    public const string Event = "evt";

    public static byte[] Payload(LicenseTerms terms)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(Instance, terms.InstanceId);
            json.WriteString(Product, terms.ProductId);
            if (terms.SkuCode is { } sku) json.WriteString(Sku, sku);
            json.WriteString(Customer, terms.CustomerId);
            json.WriteNumber(IssuedAt, terms.IssuedAt.ToUnixTimeSeconds());
            if (terms.ExpiresAt is { } expires) json.WriteNumber(Expires, expires.ToUnixTimeSeconds());
            if (terms.Quantity is { } quantity) json.WriteNumber(Quantity, quantity);
            json.WriteBoolean(Test, terms.Traffic == Traffic.Test);
            if (terms.DeviceFingerprint is { } device) json.WriteString(Device, device);
            if (terms.EventId is { } eventId) json.WriteString(Event, eventId);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
