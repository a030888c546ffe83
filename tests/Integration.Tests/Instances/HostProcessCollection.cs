namespace Provisioning.Integration.Tests.Instances;

/// <summary>
/// The tests that start and stop several host processes run alone, one after the other, once the other tests are done: on
/// a 2-core machine their process starts would slow the timed tests beside them (a first callback within 2 s, failover
/// within 5 s).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostProcessCollection
{
    public const string Name = "Host processes";
}
