namespace Provisioning.Marketplace.Callbacks;

/// <summary>How a request body is trickled onto the wire: in <paramref name="Chunks"/> pieces spread over <paramref name="Over"/>.</summary>
public sealed record BodyPace(int Chunks, TimeSpan Over)
{
    /// <summary>The pause between two pieces.</summary>
    public TimeSpan Pause => Chunks > 1 ? Over / (Chunks - 1) : TimeSpan.Zero;
}
