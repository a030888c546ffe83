namespace Provisioning.Marketplace.OpenApi;

/// <summary>How the order query was called for one registered order: correctly signed queries, and refused ones.</summary>
public sealed record OrderTrace(int Queries, int BadSignatures);
