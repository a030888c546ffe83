namespace Provisioning.KooGallery.Responses;

/// <summary>How the buyer uses the instance; userName and password are already encrypted with the field cipher.</summary>
public sealed record AppInfo(string FrontEndUrl, string? AdminUrl, string? UserName, string? Password, string? Memo);
