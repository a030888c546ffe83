namespace Provisioning.KooGallery.Usage;

/// <summary>Which generation of the usage push (按需使用量推送) is called.</summary>
public enum UsagePushVersion
{
    /// <summary>按需使用量推送(新), kit §C.1: HMAC headers with the basic-interface access key; records carry metering_sn.</summary>
    New,

    /// <summary>按需使用量推送(旧), kit §C.2: API Gateway AK/SK signing; records carry product_id and no metering_sn.</summary>
    Old,
}
