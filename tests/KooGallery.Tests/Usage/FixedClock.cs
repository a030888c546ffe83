namespace Provisioning.KooGallery.Tests.Usage;

/// <summary>A clock that always reads the same time, for reproducing a worked example's date.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
