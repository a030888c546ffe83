namespace Provisioning.Grains.Instances;

/// <summary>Whether a call is real marketplace traffic or debugger/dial-test traffic, which lives in its own namespace.</summary>
[GenerateSerializer, Alias("prov.Traffic")]
public enum Traffic
{
    Live = 0,
    Test = 1,
}
