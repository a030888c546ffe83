namespace Provisioning.KooGallery;

/// <summary>One <c>{"name":…,"value":…}</c> entry of <c>saasExtendParams</c> (spec §1.1).</summary>
public sealed record ExtendParam(string Name, string Value);
