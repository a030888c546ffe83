using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;
using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.LicenseCodes;

/// <summary>The activation code callbacks (license spec §B.3) on the V2 address, verified and signed with the License key.</summary>
[Collection(GatewayCollection.Name)]
public sealed class LicenseCodeCallbackTests(GatewayFactory factory)
{
    private readonly V2Client _marketplace = new(factory.CreateClient(), GatewayFactory.LicenseAccessKey);

    private IActivationCodeGrain Grain(string code, Traffic traffic = Traffic.Live) =>
        factory.Services.GetRequiredService<IGrainFactory>().GetActivationCode(new ActivationCodeAddress(code, traffic));

    private async Task<string> Activated(DateTimeOffset expiresAt)
    {
        var code = ScriptedActivationCodes.NewCode();
        ScriptedActivationCodes.ScriptQuery(code, () => ScriptedActivationCodes.Alive(expiresAt));
        Assert.True((await Grain(code).Activate(new ActivateCode(null))).MayRun);
        return code;
    }

    private static byte[] Refresh(string code, string orderId, DateTimeOffset expiresAt, string scene = "RENEWAL", string testFlag = "0") =>
        V2Marketplace.Body("refreshLicenseCode", ("scene", scene), ("orderId", orderId), ("orderLineId", orderId + "-000001"), ("license", code),
            ("expireTime", KooGalleryTime.FormatSeconds(expiresAt)), ("testFlag", testFlag));

    private static byte[] Status(string code, string status, object testFlag) =>
        V2Marketplace.Body("updateLicenseCodeStatus", ("license", code), ("status", status), ("testFlag", testFlag));

    private static byte[] Release(string code) => V2Marketplace.Body("releaseLicenseCode", ("license", code), ("testFlag", "0"));

    [Fact]
    public async Task A_renewal_sets_the_expiry_and_its_repeat_answers_the_same_bytes()
    {
        var code = await Activated(DateTimeOffset.UtcNow.AddDays(30));
        var renewed = new DateTimeOffset(2031, 5, 23, 20, 19, 32, TimeSpan.Zero);

        var first = await _marketplace.Send(Refresh(code, "CS-RENEW-" + code, renewed));
        var repeat = await _marketplace.Send(Refresh(code, "CS-RENEW-" + code, renewed));

        Assert.Equal(ResultCodes.Success, first.ResultCode);
        Assert.Equal(first.Body, repeat.Body);
        ScriptedActivationCodes.ScriptQuery(code, () => ScriptedActivationCodes.Alive(renewed));
        Assert.Equal(renewed, (await Grain(code).GetStanding()).ExpiresAt);
    }

    [Fact]
    public async Task Freeze_unfreeze_and_release_round_trip_and_repeats_are_no_ops()
    {
        var code = await Activated(DateTimeOffset.UtcNow.AddDays(30));

        var frozen = await _marketplace.Send(Status(code, "FREEZE", "0"));
        var frozenAgain = await _marketplace.Send(Status(code, "FREEZE", 0));
        Assert.Equal(ResultCodes.Success, frozen.ResultCode);
        Assert.Equal(frozen.Body, frozenAgain.Body);
        Assert.Equal(CodeState.Frozen, (await Grain(code).GetStanding()).State);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Send(Status(code, "UNFREEZE", "0"))).ResultCode);
        Assert.True((await Grain(code).GetStanding()).MayRun);

        var released = await _marketplace.Send(Release(code));
        var again = await _marketplace.Send(Release(code));
        Assert.Equal(ResultCodes.Success, released.ResultCode);
        Assert.Equal(released.Body, again.Body);
        Assert.Equal(CodeState.Released, (await Grain(code).GetStanding()).State);
        Assert.Equal(ResultCodes.InstanceNotFound, (await _marketplace.Send(Status(code, "UNFREEZE", "0"))).ResultCode);
    }

    [Fact]
    public async Task An_unknown_code_is_not_found_live_but_accepted_as_test_traffic_and_its_release_succeeds()
    {
        var code = ScriptedActivationCodes.NewCode();

        var live = await _marketplace.Send(Refresh(code, "CS-UNKNOWN-" + code, DateTimeOffset.UtcNow.AddDays(30)));
        var test = await _marketplace.Send(Refresh(code, "CS-UNKNOWN-" + code, DateTimeOffset.UtcNow.AddDays(30), testFlag: "1"));
        var testFreeze = await _marketplace.Send(Status(code, "FREEZE", 1));
        var release = await _marketplace.Send(Release(code));

        Assert.Equal((ResultCodes.InstanceNotFound, $"code {code} does not exist"), (live.ResultCode, live.ResultMsg));
        Assert.Equal(ResultCodes.Success, test.ResultCode);
        Assert.Equal(ResultCodes.Success, testFreeze.ResultCode);
        Assert.Equal(ResultCodes.Success, release.ResultCode);
    }

    [Fact]
    public async Task Test_traffic_naming_an_activated_code_never_touches_it()
    {
        var code = await Activated(DateTimeOffset.UtcNow.AddDays(30));

        Assert.Equal(ResultCodes.Success, (await _marketplace.Send(Status(code, "FREEZE", "1"))).ResultCode);

        Assert.True((await Grain(code).GetStanding()).MayRun);
    }

    [Fact]
    public async Task A_call_signed_with_the_basic_access_key_is_refused_and_changes_nothing()
    {
        var code = await Activated(DateTimeOffset.UtcNow.AddDays(30));
        var wrongKey = new V2Client(factory.CreateClient(), GatewayFactory.AccessKey);
        var body = Status(code, "FREEZE", "0");
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());

        // The answer to a License activity is signed with the License key, whoever signed the call.
        var answer = await _marketplace.SendSigned(body, V2Signature.Compute(body, GatewayFactory.AccessKey, nonce, timestamp), nonce, timestamp);

        Assert.Equal((ResultCodes.AuthenticationFailed, "signature does not match the request"), (answer.ResultCode, answer.ResultMsg));
        Assert.True((await Grain(code).GetStanding()).MayRun);
        Assert.Equal(ResultCodes.Success, (await wrongKey.Call("queryInstance", ("instanceId", "x"))).ResultCode);
    }

    [Fact]
    public async Task A_SaaS_activity_signed_with_the_License_key_is_refused()
    {
        var saas = new V2Client(factory.CreateClient(), GatewayFactory.AccessKey);
        var body = V2Marketplace.Body("queryInstance", ("instanceId", "x"));
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());

        var answer = await saas.SendSigned(body, V2Signature.Compute(body, GatewayFactory.LicenseAccessKey, nonce, timestamp), nonce, timestamp);

        Assert.Equal(ResultCodes.AuthenticationFailed, answer.ResultCode);
    }

    [Fact]
    public async Task Forged_stale_and_replayed_calls_change_nothing()
    {
        var code = await Activated(DateTimeOffset.UtcNow.AddDays(30));
        var body = Status(code, "FREEZE", "0");
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());

        var forged = await _marketplace.SendSigned(body, V2Signature.Compute(body, "not-the-license-key", nonce, timestamp), nonce, timestamp);
        var stale = await _marketplace.Send(body, timestamp: DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds().ToString());
        var tampered = await _marketplace.SendSigned(
            Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"0\"", "\"1\"")), V2Signature.Compute(body, GatewayFactory.LicenseAccessKey, nonce, timestamp), nonce, timestamp);

        Assert.Equal(ResultCodes.AuthenticationFailed, forged.ResultCode);
        Assert.Equal(ResultCodes.AuthenticationFailed, stale.ResultCode);
        Assert.Equal(ResultCodes.AuthenticationFailed, tampered.ResultCode);
        Assert.True((await Grain(code).GetStanding()).MayRun);

        // The nonce of an accepted call cannot be replayed, not even under the other key.
        var release = Release(code);
        var (used, at) = (V2Marketplace.NewNonce(), V2Marketplace.Now());
        Assert.Equal(ResultCodes.Success, (await new V2Client(factory.CreateClient(), GatewayFactory.AccessKey).Send(V2Marketplace.Body("queryInstance", ("instanceId", "x")), used, at)).ResultCode);
        var replayed = await _marketplace.Send(release, used, at);
        Assert.Equal((ResultCodes.AuthenticationFailed, "nonce has already been used"), (replayed.ResultCode, replayed.ResultMsg));
        Assert.True((await Grain(code).GetStanding()).MayRun);
    }

    [Theory]
    [InlineData("""{"activity":"updateLicenseCodeStatus","license":"PL1","status":"EXPIRE"}""", "status 'EXPIRE' is not FREEZE or UNFREEZE")]
    [InlineData("""{"activity":"refreshLicenseCode","license":"PL1","scene":"RENEWAL","orderId":"o","orderLineId":"l"}""", "expireTime is missing")]
    [InlineData("""{"activity":"releaseLicenseCode"}""", "license is missing")]
    public async Task Bad_input_is_named_and_answered_000002(string json, string message)
    {
        var answer = await _marketplace.Send(Encoding.UTF8.GetBytes(json));

        Assert.Equal((ResultCodes.InvalidParameter, message), (answer.ResultCode, answer.ResultMsg));
    }

    [Fact]
    public async Task A_body_with_a_repeated_key_is_refused_before_anything_changes()
    {
        var code = await Activated(DateTimeOffset.UtcNow.AddDays(30));

        var body = Encoding.UTF8.GetBytes($$"""{"activity":"updateLicenseCodeStatus","license":"{{code}}","status":"UNFREEZE","status":"FREEZE"}""");
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());

        // A body that cannot be read one way names no activity, so its answer is signed with the basic access key (gen B checks no Body-Sign).
        var answer = await new V2Client(factory.CreateClient(), GatewayFactory.AccessKey)
            .SendSigned(body, V2Signature.Compute(body, GatewayFactory.LicenseAccessKey, nonce, timestamp), nonce, timestamp);

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.True((await Grain(code).GetStanding()).MayRun);
    }
}
