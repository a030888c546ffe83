namespace Provisioning.Integration.Tests.Instances;

/// <summary>
/// The tests that start and stop several host processes run one after the other: on a 2-core machine their process starts
/// at once would slow the timed tests beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class HostProcessCollection
{
    public const string Name = "Host processes";
}
