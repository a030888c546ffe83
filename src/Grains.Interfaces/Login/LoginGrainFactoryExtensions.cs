namespace Provisioning.Grains.Login;

/// <summary>The way to reach the login grains.</summary>
public static class LoginGrainFactoryExtensions
{
    /// <summary>The cluster's one login key ring.</summary>
    public static ILoginKeyRingGrain GetLoginKeyRing(this IGrainFactory grains) =>
        grains.GetGrain<ILoginKeyRingGrain>(ILoginKeyRingGrain.Key);
}
