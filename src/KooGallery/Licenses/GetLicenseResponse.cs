namespace Provisioning.KooGallery.Licenses;

/// <summary>The <c>getLicense</c> answer (license spec §A.2): the License's id and the License itself, serialized by <see cref="Responses.ResponseJson"/>.</summary>
public sealed record GetLicenseResponse(string ResultCode, string ResultMsg, string? InstanceId, string? License);
