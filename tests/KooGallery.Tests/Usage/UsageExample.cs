using Provisioning.KooGallery.Usage;

namespace Provisioning.KooGallery.Tests.Usage;

/// <summary>The values of the kit's usage push worked examples (§C.1 new, §C.2 old).</summary>
internal static class UsageExample
{
    public const string Key = "IsvAccessKey0123456789";
    public const string Ts = "1709690865879";
    public const string Nonce = "6c63c221-1f6b-4141-8ff4-22f5dfe82b65";
    public const string Signature = "i3y8fOfvyCLY/TVDJUWehUcVuygiF5dqqNjoy55BZEU=";

    public const string Body =
        """{"usage_records":[{"begin_time":"20220809T080000Z","end_time":"20220809T090000Z","instance_id":"7f141bf1-aec8-4859-8323-fb3a8ad50721","metering_sn":"3b1f0c2e9a7d4c0e8f6a5b4c3d2e1f00","record_time":"20220809T091000Z","usage_value":"99"}]}""";

    public const string OldAccessKeyId = "EXAMPLEAKEXAMPLEAK00";
    public const string OldSecretKey = "ExampleSecretKeyExampleSecretKey00000000";
    public static readonly DateTimeOffset OldSentAt = new(2024, 3, 15, 8, 0, 0, TimeSpan.Zero);

    public const string OldBody =
        """{"usage_records":[{"instance_id":"7f141bf1-aec8-4859-8323-fb3a8ad50721","product_id":"00301-000000-0--0","record_time":"20240315T071000Z","begin_time":"20240315T060000Z","end_time":"20240315T070000Z","usage_value":"99"}]}""";

    public const string OldAuthorization =
        "SDK-HMAC-SHA256 Access=EXAMPLEAKEXAMPLEAK00, SignedHeaders=content-type;host;x-sdk-date, Signature=7ed3d6621b1e701ea38dac7f94f1beb017916f67fbc12270c4745ff1c79e1558";

    /// <summary>The record of the §C.1 example.</summary>
    public static UsageRecord Record() => new(
        "7f141bf1-aec8-4859-8323-fb3a8ad50721",
        Utc(2022, 8, 9, 9, 10),
        Utc(2022, 8, 9, 8, 0),
        Utc(2022, 8, 9, 9, 0),
        99m,
        "3b1f0c2e9a7d4c0e8f6a5b4c3d2e1f00",
        null);

    /// <summary>The record of the §C.2 example.</summary>
    public static UsageRecord OldRecord() => new(
        "7f141bf1-aec8-4859-8323-fb3a8ad50721",
        Utc(2024, 3, 15, 7, 10),
        Utc(2024, 3, 15, 6, 0),
        Utc(2024, 3, 15, 7, 0),
        99m,
        "old-example-0001",
        null) { ProductId = "00301-000000-0--0" };

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
