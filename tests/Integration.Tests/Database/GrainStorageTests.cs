using Orleans.Storage;

namespace Provisioning.Integration.Tests.Database;

[Collection(PostgresClusterCollection.Name)]
public sealed class GrainStorageTests(PostgresClusterFixture fixture)
{
    [Theory]
    [InlineData("tenant-{0}")] // stored with the key as GrainIdExtensionString
    [InlineData("{0}")] // UUID-shaped, like our derived instance ids: stored as GrainIdN0/N1
    public async Task State_written_by_one_deployment_is_read_by_another(string keyFormat)
    {
        var key = string.Format(keyFormat, Guid.NewGuid().ToString("N"));

        await fixture.Blue.GrainFactory.GetGrain<IProbeGrain>(key).Remember("opened");

        Assert.Equal("opened", await fixture.Green.GrainFactory.GetGrain<IProbeGrain>(key).Recall());
    }

    [Fact]
    public async Task A_write_based_on_a_stale_etag_is_rejected_and_the_newer_state_wins()
    {
        var key = NewKey();
        var blue = fixture.Blue.GrainFactory.GetGrain<IProbeGrain>(key);
        var green = fixture.Green.GrainFactory.GetGrain<IProbeGrain>(key);
        await blue.Remember("opened by blue");
        await green.Remember("renewed by green");

        await Assert.ThrowsAsync<InconsistentStateException>(() => blue.Remember("frozen by blue"));

        // Orleans drops the conflicting activation, so the next call reloads the stored state.
        Assert.Equal("renewed by green", await blue.Recall());
    }

    [Fact]
    public async Task Cleared_state_reads_back_empty_and_can_be_written_again()
    {
        var key = NewKey();
        var blue = fixture.Blue.GrainFactory.GetGrain<IProbeGrain>(key);
        var green = fixture.Green.GrainFactory.GetGrain<IProbeGrain>(key);
        await blue.Remember("opened");

        await blue.Forget();

        Assert.Null(await green.Recall());
        await green.Remember("reopened");
        Assert.Equal("reopened", await green.Recall());
    }

    private static string NewKey() => $"tenant-{Guid.NewGuid():N}";
}
