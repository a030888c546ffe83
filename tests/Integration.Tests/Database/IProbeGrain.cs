namespace Provisioning.Integration.Tests.Database;

/// <summary>A test-only grain that keeps a note in ADO.NET grain storage and counts reminder ticks.</summary>
[Alias("Provisioning.Integration.Tests.IProbeGrain")]
public interface IProbeGrain : IGrainWithStringKey
{
    [Alias("Remember")]
    Task Remember(string note);

    [Alias("Recall")]
    Task<string?> Recall();

    [Alias("Forget")]
    Task Forget();

    [Alias("StartTicking")]
    Task StartTicking(TimeSpan period);

    [Alias("Ticks")]
    Task<int> Ticks();
}
