namespace Provisioning.Gateway.Hosting;

/// <summary>How many silos' gateway endpoints the cluster client is connected to: Orleans reports each connection opened or closed.</summary>
internal sealed class ClusterConnections : IClusterConnectionStatusObserver
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    // Each notification moves the count by one; adding the step keeps the count right when notifications race.
    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered) =>
        Interlocked.Add(ref _count, currentNumberOfGateways - previousNumberOfGateways);

    // Always followed by the change of the count to zero.
    public void NotifyClusterConnectionLost()
    {
    }
}
