using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.KooGallery.V1;

namespace Provisioning.Gateway.KooGallery.V1;

/// <summary>The result of translating a V1 newInstance: the command and its idempotency key, or why it cannot be opened.</summary>
internal sealed record OpenTranslation(OpenInstance? Command, OrderKey OrderKey, string? Error);

/// <summary>Translates V1 requests into marketplace-neutral grain commands, decrypting the buyer's contact details.</summary>
internal sealed class V1Translation([FromKeyedServices(KooGalleryEndpoints.V1)] FieldCipher cipher, IOptions<KooGalleryOptions> options, ILogger<V1Translation> logger)
{
    public OpenTranslation Open(V1NewInstanceRequest r)
    {
        var chargingMode = ChargingModeOf(r.ChargingMode);

        // Pay-per-use orders open one instance per product; every other order opens exactly one.
        var orderKey = chargingMode.IsPayPerUse()
            ? OrderKey.ForOrderProduct(r.OrderId, r.ProductId)
            : OrderKey.ForOrder(r.OrderId);

        if (!TryDecryptBuyerField(r.EncryptedMobilePhone, "mobilePhone", out var mobilePhone, out var error)
            || !TryDecryptBuyerField(r.EncryptedEmail, "email", out var email, out error))
        {
            return new OpenTranslation(null, orderKey, error);
        }

        var command = new OpenInstance(
            r.OrderId,
            new Buyer(r.CustomerId, r.CustomerName, r.UserId, r.UserName, mobilePhone, email),
            new Plan(r.ProductId, r.SkuCode, chargingMode, new Quantities(r.Amount, r.DiskSize, r.BandWidth), r.PeriodType, r.PeriodNumber),
            r.Trial,
            r.ExpireTime,
            r.OrderAmount,
            r.ExtendParams.Aggregate(ImmutableDictionary<string, string>.Empty, (all, p) => all.SetItem(p.Name, p.Value)),
            options.Value.ProvisioningBudget);
        return new OpenTranslation(command, orderKey, null);
    }

    public RenewInstance Renewal(V1RefreshInstanceRequest r)
    {
        var kind = r.TrialToFormal ? RenewalKind.TrialToFormal
            : r.OrderAmount < 0 ? RenewalKind.RenewalPeriodCancelled
            : RenewalKind.Renewal;
        return new RenewInstance(r.OrderId, r.ExpireTime, kind, r.ProductId, r.PeriodType, r.PeriodNumber, r.OrderAmount);
    }

    public FreezeInstance Freeze(V1ExpireInstanceRequest r) => new(r.OrderId);

    public ReleaseInstance Release(V1ReleaseInstanceRequest r) => new(r.OrderId, r.OrderAmount);

    public UpgradeInstance Upgrade(V1UpgradeRequest r) =>
        new(r.OrderId, r.ProductId, r.SkuCode, new Quantities(r.Amount, r.DiskSize, r.BandWidth));

    private bool TryDecryptBuyerField(string? cipherText, string name, out string? plaintext, out string? error)
    {
        (plaintext, error) = (null, null);
        if (cipherText is null) return true;
        if (!SensitiveField.TryDecrypt(cipherText, options.Value.Key!, cipher.Type, out var decrypted, out var used))
        {
            error = $"{name} cannot be decrypted with the configured Key";
            return false;
        }

        if (used != cipher.Type)
        {
            logger.LogWarning("{Field} decrypted with {Used}, not the configured {Configured}; check the product's sensitive-information algorithm", name, used, cipher.Type);
        }

        plaintext = decrypted;
        return true;
    }

    private static ChargingMode ChargingModeOf(V1ChargingMode? mode) => mode switch
    {
        V1ChargingMode.Periodic => ChargingMode.Periodic,
        V1ChargingMode.OneTime => ChargingMode.OneTime,
        V1ChargingMode.OnDemand => ChargingMode.PayPerUse,
        V1ChargingMode.OnDemandPackage => ChargingMode.PayPerUsePackage,
        _ => ChargingMode.Unspecified,
    };
}
