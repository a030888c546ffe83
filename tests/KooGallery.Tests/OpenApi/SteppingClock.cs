namespace Provisioning.KooGallery.Tests.OpenApi;

/// <summary>A clock that moves one second forward each time it is read, so every signature gets its own X-Sdk-Date.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private DateTimeOffset _now = new(2024, 3, 17, 14, 42, 37, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        var now = _now;
        _now = _now.AddSeconds(1);
        return now;
    }
}
