using System.Collections.Immutable;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Licenses;

[Collection(OnlineLicenseClusterCollection.Name)]
public sealed class OnlineLicenseGrainTests(OnlineLicenseClusterFixture fixture)
{
    private const string Device = "04:7C:16:5E:E3:5D|001B_444A_488B_5CEC.||BFEBFBFF00090672";
    private const string OtherDevice = "04:7C:16:5E:E3:5E|||BFEBFBFF00090673";

    private static readonly DateTimeOffset InstanceExpiry = DateTimeOffset.UtcNow.AddYears(1);

    private static string NewEventId() => "EVT" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();

    private static LicenseApplication Application(string? eventId = null, string? device = Device, DateTimeOffset? effective = null, DateTimeOffset? expires = null, bool noExpiry = false) =>
        new(eventId ?? NewEventId(), effective ?? DateTimeOffset.UtcNow, noExpiry ? null : expires ?? InstanceExpiry.AddDays(-1), device);

    private async Task<InstanceAddress> OpenAsync(ChargingMode mode = ChargingMode.Periodic, int? amount = 2, Traffic traffic = Traffic.Live, DateTimeOffset? expiresAt = null)
    {
        var address = new InstanceAddress("lic-" + Guid.NewGuid().ToString("N"), traffic);
        var reply = await fixture.Grains.GetInstance(address).Open(new OpenInstance(
            "CS" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant(),
            new Buyer("68cbc86abc2018ab880d92f36422fa0e", "buyer", null, null, null, null),
            new Plan("00301-license-0--0", "sku-license", mode, new Quantities(amount, null, null), "year", 1),
            false,
            mode == ChargingMode.Periodic ? expiresAt ?? InstanceExpiry : null,
            100m,
            ImmutableDictionary<string, string>.Empty));
        Assert.Equal(InstanceOutcome.Applied, reply.Outcome);
        return address;
    }

    private IOnlineLicenseGrain Licenses(InstanceAddress address) => fixture.Grains.GetOnlineLicenses(address);

    private async Task<OnlineLicense> Eventually(InstanceAddress address, string eventId, Func<OnlineLicense, bool> condition)
    {
        OnlineLicense? license = null;
        await Testing.Eventually.True(async () =>
        {
            license = (await Licenses(address).GetLicenses()).SingleOrDefault(l => l.EventId == eventId);
            return license is not null && condition(license);
        }, $"the License of {eventId} reached the expected state", TimeSpan.FromSeconds(10));
        return license!;
    }

    [Fact]
    public async Task An_application_is_accepted_then_its_license_is_issued_with_its_terms_and_uploaded_to_its_event()
    {
        var address = await OpenAsync();
        var application = Application();

        var reply = await Licenses(address).Apply(application);

        Assert.Equal(new OnlineLicenseReply(OnlineLicenseOutcome.Accepted, $"the License of event {application.EventId} is being issued and uploaded"), reply);
        var license = await Eventually(address, application.EventId, l => l.Upload == LicenseUploadStatus.Uploaded);
        Assert.Equal($"LIC-{application.EventId}-1", license.License);
        Assert.Equal(1, license.UploadAttempts);
        Assert.Null(license.LastError);
        Assert.Equal([license.License!], ScriptedUploads.UploadsFor(application.EventId));
        var terms = ScriptedIssuer.TermsFor(application.EventId)!;
        Assert.Equal(new LicenseTerms(address.InstanceId, Traffic.Live, "00301-license-0--0", "sku-license", "68cbc86abc2018ab880d92f36422fa0e",
            application.EffectiveAt, application.ExpiresAt, 2, Device, application.EventId), terms);
    }

    [Fact]
    public async Task A_repeat_answers_the_same_and_never_issues_or_uploads_a_second_license()
    {
        var address = await OpenAsync();
        var application = Application();
        var first = await Licenses(address).Apply(application);
        var uploaded = await Eventually(address, application.EventId, l => l.Upload == LicenseUploadStatus.Uploaded);

        var repeat = await Licenses(address).Apply(application with { EffectiveAt = application.EffectiveAt.AddMinutes(1) });
        await Task.Delay(300);

        Assert.Equal(first, repeat);
        Assert.Equal(1, ScriptedIssuer.IssuedFor(application.EventId));
        Assert.Single(ScriptedUploads.UploadsFor(application.EventId));
        Assert.Equal(uploaded, Assert.Single(await Licenses(address).GetLicenses()));
    }

    [Fact]
    public async Task The_same_event_for_another_device_is_refused_and_changes_nothing()
    {
        var address = await OpenAsync();
        var application = Application();
        await Licenses(address).Apply(application);
        var before = await Eventually(address, application.EventId, l => l.Upload == LicenseUploadStatus.Uploaded);

        var reply = await Licenses(address).Apply(application with { DeviceFingerprint = OtherDevice });

        Assert.Equal(OnlineLicenseOutcome.EventConflict, reply.Outcome);
        Assert.Contains($"event {application.EventId} already applied for a License of another device", reply.Message);
        Assert.Equal(before, Assert.Single(await Licenses(address).GetLicenses()));
        Assert.Equal(1, ScriptedIssuer.IssuedFor(application.EventId));
    }

    [Fact]
    public async Task An_unknown_or_released_instance_is_not_found()
    {
        var unknown = new InstanceAddress("lic-unknown-" + Guid.NewGuid().ToString("N"), Traffic.Live);
        var released = await OpenAsync();
        await fixture.Grains.GetInstance(released).Release(new ReleaseInstance(null, null));

        var toUnknown = await Licenses(unknown).Apply(Application());
        var toReleased = await Licenses(released).Apply(Application());

        Assert.Equal(new OnlineLicenseReply(OnlineLicenseOutcome.InstanceNotFound, "the instance is not known"), toUnknown);
        Assert.Equal(new OnlineLicenseReply(OnlineLicenseOutcome.InstanceNotFound, $"instance {released.InstanceId} has been released"), toReleased);
        Assert.Empty(await Licenses(unknown).GetLicenses());
        Assert.Empty(await Licenses(released).GetLicenses());
    }

    [Fact]
    public async Task Test_traffic_reaches_only_test_instances()
    {
        var test = await OpenAsync(traffic: Traffic.Test);
        var live = test with { Traffic = Traffic.Live };
        var application = Application();

        var toLive = await Licenses(live).Apply(application);
        var toTest = await Licenses(test).Apply(application);

        Assert.Equal(OnlineLicenseOutcome.InstanceNotFound, toLive.Outcome);
        Assert.Equal(OnlineLicenseOutcome.Accepted, toTest.Outcome);
        var license = await Eventually(test, application.EventId, l => l.Upload == LicenseUploadStatus.Uploaded);
        Assert.Equal(Traffic.Test, license.Terms.Traffic);
        Assert.Empty(await Licenses(live).GetLicenses());
    }

    [Fact]
    public async Task A_period_instance_needs_an_expiry_and_a_one_time_instance_does_not()
    {
        var period = await OpenAsync();
        var oneTime = await OpenAsync(ChargingMode.OneTime);

        var toPeriod = await Licenses(period).Apply(Application(noExpiry: true));
        var toOneTime = await Licenses(oneTime).Apply(Application(noExpiry: true));

        Assert.Equal(new OnlineLicenseReply(OnlineLicenseOutcome.ExpiryRequired, $"instance {period.InstanceId} is a period instance: its License needs an expireTime"), toPeriod);
        Assert.Equal(OnlineLicenseOutcome.Accepted, toOneTime.Outcome);
        Assert.Empty(await Licenses(period).GetLicenses());
    }

    [Fact]
    public async Task A_period_outside_the_instance_validity_is_refused()
    {
        var address = await OpenAsync();

        var early = await Licenses(address).Apply(Application(effective: DateTimeOffset.UtcNow.AddDays(-2)));
        var late = await Licenses(address).Apply(Application(expires: InstanceExpiry.AddDays(1)));
        var withinTolerance = await Licenses(address).Apply(Application(effective: DateTimeOffset.UtcNow.AddMinutes(-1), expires: InstanceExpiry.AddMinutes(1)));

        Assert.Equal(OnlineLicenseOutcome.OutsideValidity, early.Outcome);
        Assert.Contains($"is before instance {address.InstanceId} opened at", early.Message);
        Assert.Equal(OnlineLicenseOutcome.OutsideValidity, late.Outcome);
        Assert.Contains($"is beyond instance {address.InstanceId}'s expiry", late.Message);
        Assert.Equal(OnlineLicenseOutcome.Accepted, withinTolerance.Outcome);
        Assert.Single(await Licenses(address).GetLicenses());
    }

    [Fact]
    public async Task A_frozen_instance_grants_no_license_until_unfrozen()
    {
        var address = await OpenAsync();
        await fixture.Grains.GetInstance(address).Freeze(new FreezeInstance(null));
        var application = Application();

        var frozen = await Licenses(address).Apply(application);
        await fixture.Grains.GetInstance(address).Unfreeze(new UnfreezeInstance(null));
        var unfrozen = await Licenses(address).Apply(application);

        Assert.Equal(new OnlineLicenseReply(OnlineLicenseOutcome.OutsideValidity, $"instance {address.InstanceId} is frozen"), frozen);
        Assert.Equal(OnlineLicenseOutcome.Accepted, unfrozen.Outcome);
    }

    [Fact]
    public async Task An_application_without_a_device_is_refused_by_default()
    {
        var address = await OpenAsync();

        var reply = await Licenses(address).Apply(Application(device: null));

        Assert.Equal(new OnlineLicenseReply(OnlineLicenseOutcome.FingerprintRequired, "Licenses of this product are bound to a device: deviceFingerprint is required"), reply);
    }

    [Fact]
    public async Task The_quantity_bounds_the_devices_but_a_licensed_device_may_apply_again()
    {
        var address = await OpenAsync(amount: 2);
        var third = "AA:BB:CC:DD:EE:FF|||";

        var first = await Licenses(address).Apply(Application(device: Device));
        var second = await Licenses(address).Apply(Application(device: OtherDevice));
        var again = await Licenses(address).Apply(Application(device: Device));
        var refused = await Licenses(address).Apply(Application(device: third));

        Assert.All([first, second, again], r => Assert.Equal(OnlineLicenseOutcome.Accepted, r.Outcome));
        Assert.Equal(new OnlineLicenseReply(OnlineLicenseOutcome.QuotaInsufficient,
            $"instance {address.InstanceId} allows Licenses for 2 device(s), and all are bound to other devices"), refused);
        Assert.Equal(3, (await Licenses(address).GetLicenses()).Count);
    }

    [Fact]
    public async Task Without_a_quantity_one_device_is_allowed()
    {
        var address = await OpenAsync(amount: null);

        var first = await Licenses(address).Apply(Application(device: Device));
        var second = await Licenses(address).Apply(Application(device: OtherDevice));

        Assert.Equal(OnlineLicenseOutcome.Accepted, first.Outcome);
        Assert.Equal(OnlineLicenseOutcome.QuotaInsufficient, second.Outcome);
    }

    [Fact]
    public async Task A_transient_upload_failure_is_retried_by_the_reminder_with_the_same_license()
    {
        var address = await OpenAsync();
        var application = Application();
        ScriptedUploads.Script(application.EventId, new UploadResult(UploadOutcome.Transient, "CBC.0999 internal error"));

        await Licenses(address).Apply(application);
        var failed = await Eventually(address, application.EventId, l => l.UploadAttempts == 1);
        var uploaded = await Eventually(address, application.EventId, l => l.Upload == LicenseUploadStatus.Uploaded);

        Assert.Equal(LicenseUploadStatus.Pending, failed.Upload);
        Assert.Equal("CBC.0999 internal error", failed.LastError);
        Assert.Equal(2, uploaded.UploadAttempts);
        Assert.Null(uploaded.LastError);
        Assert.Equal([uploaded.License!, uploaded.License!], ScriptedUploads.UploadsFor(application.EventId));
        Assert.Equal(1, ScriptedIssuer.IssuedFor(application.EventId));
    }

    [Fact]
    public async Task A_license_left_pending_when_the_grain_was_collected_is_uploaded_by_the_reminder_without_another_call()
    {
        var address = await OpenAsync();
        var application = Application();
        ScriptedUploads.Script(application.EventId, new UploadResult(UploadOutcome.Transient, "no answer"));
        await Licenses(address).Apply(application);
        var pending = await Eventually(address, application.EventId, l => l.UploadAttempts == 1);

        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Testing.Eventually.True(() => ScriptedUploads.UploadsFor(application.EventId).Count == 2, "the reminder uploaded again", TimeSpan.FromSeconds(10));
        var uploaded = await Eventually(address, application.EventId, l => l.Upload == LicenseUploadStatus.Uploaded);

        Assert.Equal(pending.License, uploaded.License);
        Assert.Equal(2, ScriptedUploads.UploadsFor(application.EventId).Count);
    }

    [Fact]
    public async Task A_refused_upload_is_not_retried_and_says_why()
    {
        var address = await OpenAsync();
        var application = Application();
        ScriptedUploads.Script(application.EventId, new UploadResult(UploadOutcome.Refused, "91381037 the License format is invalid"));

        await Licenses(address).Apply(application);
        var refused = await Eventually(address, application.EventId, l => l.Upload == LicenseUploadStatus.Refused);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal("91381037 the License format is invalid", refused.LastError);
        Assert.Single(ScriptedUploads.UploadsFor(application.EventId));
        Assert.Equal(refused, Assert.Single(await Licenses(address).GetLicenses()));
    }

    [Fact]
    public async Task An_issuer_failure_is_retried_and_the_license_then_issued_once()
    {
        var address = await OpenAsync();
        var application = Application();
        ScriptedIssuer.FailFirst(application.EventId, 1);

        await Licenses(address).Apply(application);
        var waiting = await Eventually(address, application.EventId, l => l.LastError is not null);
        var uploaded = await Eventually(address, application.EventId, l => l.Upload == LicenseUploadStatus.Uploaded);

        Assert.Equal("issuing failed: the licensing server is down", waiting.LastError);
        Assert.Null(waiting.License);
        Assert.Equal($"LIC-{application.EventId}-1", uploaded.License);
        Assert.Equal(1, ScriptedIssuer.IssuedFor(application.EventId));
    }
}
