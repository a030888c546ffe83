using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Provisioning.Gateway.Telemetry;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.V1;

/// <summary>The retired License callbacks (license spec §A) through the real V1 pipeline: authToken, dispatch, grain, Body-Sign.</summary>
[Collection(GatewayCollection.Name)]
public sealed class LicenseCallbackTests(GatewayFactory factory)
{
    private readonly V1Client _marketplace = new(factory.CreateClient());

    private static (string, string)[] Purchase(string orderId, params (string, string)[] extra) =>
    [
        ("businessId", Guid.NewGuid().ToString()),
        ("orderId", orderId),
        ("customerId", "68805512345678901234567890abcdef"),
        ("customerName", "demo_user"),
        ("productId", "00301-123456-0--0"),
        ("skuCode", "a63ee5c9-4f86-11ed-9f95-fa163e8cb3b2"),
        ("expireTime", "20270317144237"),
        ("periodType", "year"),
        ("amount", "5"),
        .. extra,
    ];

    private Task<LicenseSnapshot?> Stored(string instanceId, Traffic traffic = Traffic.Live) =>
        factory.Services.GetRequiredService<IGrainFactory>().GetLicense(new LicenseAddress(instanceId, traffic)).Get();

    private static string LicenseIdOf(string orderId, Traffic traffic = Traffic.Live) => InstanceIds.Derive(OrderKey.ForOrder(orderId), traffic);

    [Fact]
    public async Task A_License_lives_through_purchase_repeat_renewal_expiry_and_release()
    {
        var orderId = V1Orders.NewOrderId();

        var bought = await _marketplace.Call("getLicense", Purchase(orderId));
        Assert.Equal(ResultCodes.Success, bought.ResultCode);
        var id = bought["instanceId"]!;
        Assert.Equal(LicenseIdOf(orderId), id);
        var license = bought["license"]!;
        Assert.Equal(["resultCode", "resultMsg", "instanceId", "license"], bought.Json.EnumerateObject().Select(p => p.Name));

        // The marketplace repeats with a new businessId: the same answer, byte for byte.
        var repeat = await _marketplace.Call("getLicense", Purchase(orderId));
        Assert.Equal(bought.Body, repeat.Body);

        (string, string) instance = ("instanceId", id);
        var renewal = new[] { instance, ("orderId", "R1-" + orderId), ("expireTime", "20280317144237"), ("periodType", "year"), ("periodNumber", "1") };
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("refreshLicense", renewal)).ResultCode);
        var renewed = (await Stored(id))!;
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("refreshLicense", renewal)).ResultCode);
        Assert.Equal(renewed.CurrentLicense, (await Stored(id))!.CurrentLicense);
        Assert.NotEqual(license, renewed.CurrentLicense);
        Assert.Equal(new DateTimeOffset(2028, 3, 17, 14, 42, 37, TimeSpan.Zero), renewed.ExpiresAt);
        Assert.Equal(bought.Body, (await _marketplace.Call("getLicense", Purchase(orderId))).Body);

        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("expireLicense", instance, ("orderId", orderId))).ResultCode);
        Assert.Equal(LicenseStatus.Frozen, (await Stored(id))!.Status);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("expireLicense", instance, ("orderId", orderId))).ResultCode);

        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("refreshLicense", instance, ("orderId", "R2-" + orderId), ("expireTime", "20990317144237"))).ResultCode);
        Assert.Equal(LicenseStatus.Active, (await Stored(id))!.Status);

        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("releaseLicense", instance, ("orderId", orderId))).ResultCode);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("releaseLicense", instance, ("orderId", orderId))).ResultCode);
        Assert.Equal(LicenseStatus.Released, (await Stored(id))!.Status);
        Assert.Equal(ResultCodes.InstanceNotFound, (await _marketplace.Call("refreshLicense", instance, ("orderId", "R3-" + orderId), ("expireTime", "20990317144237"))).ResultCode);
    }

    [Fact]
    public async Task The_issued_License_verifies_with_the_published_key_and_names_its_terms()
    {
        var orderId = V1Orders.NewOrderId();
        var license = (await _marketplace.Call("getLicense", Purchase(orderId)))["license"]!;

        using var response = await factory.CreateClient().GetAsync("/api/licenses/signing-key");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());

        var parts = license.Split('.');
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal(key.GetProperty("kid").GetString(), header.RootElement.GetProperty("kid").GetString());
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key.GetProperty("publicKeyPem").GetString());
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        Assert.True(ecdsa.VerifyData(signed, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var claims = payload.RootElement;
        Assert.Equal(LicenseIdOf(orderId), claims.GetProperty("lic").GetString());
        Assert.Equal("00301-123456-0--0", claims.GetProperty("prd").GetString());
        Assert.Equal("68805512345678901234567890abcdef", claims.GetProperty("sub").GetString());
        Assert.Equal(new DateTimeOffset(2027, 3, 17, 14, 42, 37, TimeSpan.Zero).ToUnixTimeSeconds(), claims.GetProperty("exp").GetInt64());
        Assert.Equal(5, claims.GetProperty("qty").GetInt32());
        Assert.False(claims.GetProperty("tst").GetBoolean());
    }

    [Fact]
    public async Task A_forged_call_is_refused_and_changes_nothing()
    {
        var orderId = V1Orders.NewOrderId();
        var forger = new V1Client(factory.CreateClient(), key: "not-the-seller-key");

        var purchase = await _marketplace.Send(forger.Sign("getLicense", Purchase(orderId)));
        Assert.Equal(ResultCodes.AuthenticationFailed, purchase.ResultCode);
        Assert.Null(purchase["license"]);
        Assert.Null(await Stored(LicenseIdOf(orderId)));

        var id = (await _marketplace.Call("getLicense", Purchase(orderId)))["instanceId"]!;
        var release = await _marketplace.Send(forger.Sign("releaseLicense", [("instanceId", id), ("orderId", orderId)]));
        var expire = _marketplace.Sign("expireLicense", [("instanceId", id), ("orderId", orderId)]);
        expire["instanceId"] = LicenseIdOf(V1Orders.NewOrderId());

        Assert.Equal(ResultCodes.AuthenticationFailed, release.ResultCode);
        Assert.Equal(ResultCodes.AuthenticationFailed, (await _marketplace.Send(expire)).ResultCode);
        Assert.Equal(LicenseStatus.Active, (await Stored(id))!.Status);
    }

    [Theory]
    [InlineData("getLicense", "orderId", null, "orderId is missing")]
    [InlineData("getLicense", "customerId", null, "customerId is missing")]
    [InlineData("getLicense", "expireTime", "2027-03-17", "expireTime '2027-03-17' is not a UTC time")]
    [InlineData("getLicense", "amount", "five", "amount 'five' is not an integer")]
    [InlineData("refreshLicense", "expireTime", null, "expireTime is missing")]
    [InlineData("refreshLicense", "orderId", null, "orderId is missing")]
    [InlineData("expireLicense", "instanceId", null, "instanceId is missing")]
    [InlineData("releaseLicense", "instanceId", null, "instanceId is missing")]
    public async Task A_missing_or_invalid_parameter_is_000002_naming_it_and_changes_nothing(string activity, string name, string? value, string message)
    {
        var orderId = V1Orders.NewOrderId();
        var id = (await _marketplace.Call("getLicense", Purchase(orderId)))["instanceId"]!;
        var before = await Stored(id);
        var parameters = activity == "getLicense"
            ? Purchase(V1Orders.NewOrderId())
            : [("instanceId", id), ("orderId", "R-" + orderId), ("expireTime", "20990101000000")];
        parameters = [.. parameters.Where(p => p.Item1 != name), .. value is null ? [] : new[] { (name, value) }];

        var answer = await _marketplace.Call(activity, parameters);

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.StartsWith(message, answer.ResultMsg);
        Assert.Equal(before, await Stored(id));
        if (activity == "getLicense" && name != "orderId") Assert.Null(await Stored(LicenseIdOf(parameters.Single(p => p.Item1 == "orderId").Item2)));
    }

    [Fact]
    public async Task Unknown_Licenses_are_not_found_except_for_release()
    {
        (string, string) unknown = ("instanceId", LicenseIdOf(V1Orders.NewOrderId()));

        Assert.Equal(ResultCodes.InstanceNotFound, (await _marketplace.Call("refreshLicense", unknown, ("orderId", "R1"), ("expireTime", "20990101000000"))).ResultCode);
        Assert.Equal(ResultCodes.InstanceNotFound, (await _marketplace.Call("expireLicense", unknown, ("orderId", "CS1"))).ResultCode);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("releaseLicense", unknown, ("orderId", "CS1"))).ResultCode);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("releaseLicense", unknown)).ResultCode);
    }

    [Fact]
    public async Task Test_traffic_lives_in_its_own_namespace_and_accepts_unknown_Licenses()
    {
        var orderId = V1Orders.NewOrderId();
        var test = await _marketplace.Call("getLicense", Purchase(orderId, ("testFlag", "1")));

        Assert.Equal(ResultCodes.Success, test.ResultCode);
        Assert.Equal(LicenseIdOf(orderId, Traffic.Test), test["instanceId"]);
        Assert.NotEqual(LicenseIdOf(orderId), test["instanceId"]);
        Assert.Null(await Stored(test["instanceId"]!));
        Assert.NotNull(await Stored(test["instanceId"]!, Traffic.Test));
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(test["license"]!.Split('.')[1]));
        Assert.True(payload.RootElement.GetProperty("tst").GetBoolean());

        // A live License is out of reach of test traffic naming its id.
        var live = (await _marketplace.Call("getLicense", Purchase(V1Orders.NewOrderId())))["instanceId"]!;
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("expireLicense", ("instanceId", live), ("orderId", "CS1"), ("testFlag", "1"))).ResultCode);
        Assert.Equal(LicenseStatus.Active, (await Stored(live))!.Status);
        Assert.Equal(ResultCodes.Success, (await _marketplace.Call("refreshLicense", ("instanceId", live), ("orderId", "R1"), ("expireTime", "20990101000000"), ("testFlag", "1"))).ResultCode);
        Assert.Equal(new DateTimeOffset(2027, 3, 17, 14, 42, 37, TimeSpan.Zero), (await Stored(live))!.ExpiresAt);
    }

    [Fact]
    public async Task License_callbacks_are_counted_under_their_own_activity()
    {
        using var collector = new MetricCollector<double>(factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), CallbackMetrics.MeterName, "koogallery.callback.duration");

        await _marketplace.Call("getLicense", Purchase(V1Orders.NewOrderId()));

        Assert.Contains(collector.GetMeasurementSnapshot(), m => m.Tags["activity"] as string == "getLicense" && m.Tags["protocol"] as string == "v1");
    }
}
