using System.Text.Json;
using Provisioning.Grains.Events;
using Provisioning.Infrastructure.SellerApplication;

namespace Provisioning.Infrastructure.Tests.SellerApplication;

/// <summary>The body of an event is the same bytes on every delivery, and carries its type, time and data as recorded.</summary>
public sealed class SellerEventBodyTests
{
    private static DueEvent Leased(int attempts, DateTimeOffset occurredAt) =>
        new(7, "evt_1", "tenant:live/t-1", "tenant.users.changed", occurredAt, """{"tenantId":"t-1","count":2}""", attempts, occurredAt, Guid.NewGuid());

    [Fact]
    public void The_body_holds_type_timestamp_and_the_data_as_recorded()
    {
        var at = new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.FromHours(8)).AddTicks(1234567);

        var body = SellerEventBody.Of(Leased(0, at));

        Assert.Equal("""{"type":"tenant.users.changed","timestamp":"2026-12-01T00:30:00.123456Z","data":{"tenantId":"t-1","count":2}}""", body);
        using var parsed = JsonDocument.Parse(body);
        Assert.Equal(2, parsed.RootElement.GetProperty("data").GetProperty("count").GetInt32());
    }

    [Fact]
    public void A_redelivery_sends_the_same_bytes()
    {
        var at = DateTimeOffset.UtcNow;

        Assert.Equal(SellerEventBody.Of(Leased(0, at)), SellerEventBody.Of(Leased(5, at)));
    }
}
