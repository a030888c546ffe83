using System.Globalization;
using System.Text;
using System.Text.Json;
using Provisioning.Grains.Events;

namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>
/// The body POSTed for an event: <c>{"type":…,"timestamp":…,"data":{…}}</c>, made only of what the outbox keeps, so every
/// delivery of an event sends (and signs) the same bytes.
/// </summary>
internal static class SellerEventBody
{
    public static string Of(DueEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", e.Type);
            json.WriteString("timestamp", e.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            json.WritePropertyName("data");
            json.WriteRawValue(e.Data);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
