using Provisioning.Integration.Tests.Postgres;

namespace Provisioning.Integration.Tests.Database;

[Collection(PostgresClusterCollection.Name)]
public sealed class ReminderTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task A_reminder_is_stored_in_postgres_and_fires()
    {
        var key = Guid.NewGuid().ToString("N");
        var grain = fixture.Blue.GrainFactory.GetGrain<IProbeGrain>(key);

        await grain.StartTicking(TimeSpan.FromSeconds(1));

        var stored = await Sql.QueryAsync(
            fixture.ConnectionString,
            "SELECT Period FROM OrleansRemindersTable WHERE ServiceId = @service AND GrainId LIKE @grain",
            row => row.GetInt64(0),
            ("service", PostgresClusterFixture.ServiceId), ("grain", $"%{key}"));
        Assert.Equal([1000L], stored);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await grain.Ticks() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(await grain.Ticks() > 0, "the reminder did not fire within 15 seconds");
    }
}
