using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Orleans.Storage;
using Provisioning.Gateway.KooGallery;
using Provisioning.Grains;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.Pipeline;

/// <summary>What a whole gateway answers and logs when its grains hang, and what its log lines never hold (issue 10, items 3 and 12).</summary>
public sealed class CallbackLogTests
{
    /// <summary>A gateway whose log is kept for the test to read.</summary>
    private class LoggedGateway : GatewayFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddFakeLogging());
        }

        public IReadOnlyList<FakeLogRecord> Log => Services.GetFakeLogCollector().GetSnapshot();
    }

    /// <summary>A gateway whose database answers no write until the test lets it fail, with a one-second callback timeout.</summary>
    private sealed class HungDatabaseGateway : LoggedGateway
    {
        public HungWrites Database { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["KooGallery:CallbackTimeout"] = "00:00:01",
            ["KooGallery:ProvisioningBudget"] = "00:00:00.5",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddKeyedSingleton<IGrainStorage>(StorageNames.Grains, Database));
        }
    }

    private sealed class HungWrites : IGrainStorage
    {
        private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Ends the hang with a failure, so the silo can stop without waiting for the writes.</summary>
        public void Fail() => _failed.TrySetException(new TimeoutException("the test ended the hung write"));

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _failed.Task;

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => _failed.Task;
    }

    [Fact]
    public async Task A_call_whose_grain_hangs_is_answered_000005_long_before_Orleans_gives_up_and_its_log_line_carries_the_trace()
    {
        await using var gateway = new HungDatabaseGateway();
        var marketplace = new V1Client(gateway.CreateClient());
        var orderId = V1Orders.NewOrderId();

        var clock = Stopwatch.StartNew();
        var answer = await marketplace.Call("newInstance", V1Orders.NewInstance(orderId));
        clock.Stop();
        gateway.Database.Fail();

        Assert.Equal(ResultCodes.InternalError, answer.ResultCode);
        // Orleans' own response timeout is 30 s: anything far below it was bounded by the callback timeout.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));
        var trace = answer.ResultMsg[(answer.ResultMsg.IndexOf("(trace ", StringComparison.Ordinal) + 7)..^1];
        var line = Assert.Single(gateway.Log, r => r.Category == typeof(CallbackRunner).FullName && r.Level == LogLevel.Error);
        Assert.Contains($"trace {trace}", line.Message);
        Assert.Contains($"order {orderId}", line.Message);
        Assert.Contains("no answer within 1 s", line.Message);
    }

    [Fact]
    public async Task Callback_log_lines_name_activity_order_and_instance_but_never_keys_tokens_passwords_phones_or_emails()
    {
        await using var gateway = new LoggedGateway();
        var v1 = new V1Client(gateway.CreateClient());
        var orderId = V1Orders.NewOrderId();
        var cipher = new FieldCipher(GatewayFactory.Key, EncryptType.Aes256);
        var signed = v1.Sign("newInstance", V1Orders.NewInstance(orderId, "1",
            ("mobilePhone", cipher.Encrypt("13912345678")), ("email", cipher.Encrypt("buyer.secret@example.com"))));
        var opened = await v1.Send(signed);
        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        var instanceId = opened["instanceId"]!;
        Assert.True(cipher.TryDecrypt(JsonDocument.Parse(opened["appInfo"]!).RootElement.GetProperty("password").GetString(), out var password));
        var kit = new KitClient(gateway.CreateClient(), KitGeneration.V1);
        Assert.Equal(ResultCodes.Success, (await kit.Sync("applicationSync", new
        {
            instanceId, tenantId = Guid.NewGuid().ToString("N"), appId = "app-1", clientId = "client-1",
            clientSecret = KitClient.EncryptSecret("client-secret-value"), flag = 1, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
        })).ResultCode);

        var callbackLines = gateway.Log.Where(r => r.Category == typeof(CallbackRunner).FullName).Select(r => r.Message).ToList();
        Assert.Contains(callbackLines, l => l.StartsWith("v1 newInstance (Live)", StringComparison.Ordinal) && l.Contains($"order {orderId} instance {instanceId}"));
        Assert.Contains(callbackLines, l => l.StartsWith("kit-v1 applicationSync (Live)", StringComparison.Ordinal) && l.Contains($"instance {instanceId}"));
        var everything = string.Join('\n', gateway.Log.Select(r => r.Message + r.Exception));
        string[] secrets =
        [
            GatewayFactory.Key, GatewayFactory.AccessKey, GatewayFactory.KitAccessKey, signed["authToken"], password!,
            "13912345678", "buyer.secret@example.com", "client-secret-value", GatewayFactory.SellerApiKey, GatewayFactory.SellerAdminKey,
        ];
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, everything));
    }
}
