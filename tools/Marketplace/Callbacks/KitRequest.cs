namespace Provisioning.Marketplace.Callbacks;

/// <summary>A Kit sync as it goes on the wire: the raw JSON body and the authentication headers over it.</summary>
public sealed record KitRequest(byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers);
