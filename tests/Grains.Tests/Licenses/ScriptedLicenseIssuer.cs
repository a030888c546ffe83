using System.Collections.Concurrent;
using Provisioning.Grains.Licenses;

namespace Provisioning.Grains.Tests.Licenses;

/// <summary>An issuer that numbers what it issues and records the terms; it fails for <see cref="FailingProduct"/>.</summary>
internal sealed class ScriptedLicenseIssuer : ILicenseIssuer
{
    public const string FailingProduct = "product-whose-issuer-fails";

    private int _issued;

    public ConcurrentQueue<LicenseTerms> Issued { get; } = new();

    public ValueTask<string> IssueAsync(LicenseTerms terms, CancellationToken cancellationToken)
    {
        if (terms.ProductId == FailingProduct) throw new InvalidOperationException("Licenses:SigningKey is not set");

        Issued.Enqueue(terms);
        return ValueTask.FromResult($"LIC-{terms.InstanceId}-{Interlocked.Increment(ref _issued)}");
    }
}
