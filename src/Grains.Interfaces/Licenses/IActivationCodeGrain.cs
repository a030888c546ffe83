using Orleans.Concurrency;

namespace Provisioning.Grains.Licenses;

/// <summary>
/// One activation code of a License product (license spec §B), keyed by <see cref="ActivationCodeAddress.GrainKey"/>. The
/// marketplace's callbacks renew, freeze, unfreeze and release it; the seller's software activates it, asks whether it may run
/// and reports its use. Every command is idempotent and durable before it returns.
/// </summary>
[Alias("prov.IActivationCodeGrain")]
public interface IActivationCodeGrain : IGrainWithStringKey
{
    /// <summary><c>refreshLicenseCode</c>: sets the expiry, once per order.</summary>
    [Alias("Renew")] Task<CodeReply> Renew(RenewCode command);

    /// <summary><c>updateLicenseCodeStatus</c> <c>FREEZE</c>.</summary>
    [Alias("Freeze")] Task<CodeReply> Freeze();

    /// <summary><c>updateLicenseCodeStatus</c> <c>UNFREEZE</c>.</summary>
    [Alias("Unfreeze")] Task<CodeReply> Unfreeze();

    /// <summary><c>releaseLicenseCode</c>: revokes the code for good.</summary>
    [Alias("Release")] Task<CodeReply> Release(ReleaseCode command);

    /// <summary>Activates the code the buyer presented with the marketplace, or answers as it stands when it already is.</summary>
    [Alias("Activate")] Task<CodeStanding> Activate(ActivateCode command);

    /// <summary>Whether the software may run now, checking with the marketplace at most once per UTC day (and after a renewal).</summary>
    [Alias("GetStanding")] Task<CodeStanding> GetStanding();

    /// <summary>The code as it stands, without asking the marketplace (what an operator reads).</summary>
    [Alias("Peek"), ReadOnly] Task<CodeStanding> Peek();

    /// <summary>Forwards the software's use of an active code to the marketplace's usage statistics.</summary>
    [Alias("ReportUsage")] Task<CodeUsageReply> ReportUsage(ReportCodeUsage command);
}
