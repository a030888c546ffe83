namespace Provisioning.Grains.Storage;

/// <summary>
/// A grain call failed because the database did: the message says what failed (e.g. <c>database unavailable: 57P01: terminating
/// connection due to administrator command</c>). The database driver's own exceptions cannot cross the wire to the gateway.
/// </summary>
[GenerateSerializer, Alias("prov.DatabaseFailureException")]
public sealed class DatabaseFailureException : Exception
{
    public DatabaseFailureException()
    {
    }

    public DatabaseFailureException(string message) : base(message)
    {
    }
}
