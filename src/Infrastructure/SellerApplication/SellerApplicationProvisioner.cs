using System.Globalization;
using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>
/// Adapter: the provisioning hook over HTTP. POSTs <see cref="ProvisionRequestBody"/> to <c>SellerApplication:ProvisioningUrl</c>,
/// signed the Standard Webhooks way with a <c>webhook-id</c> derived from the instance (the same on every repeat, so the
/// application can recognise one), and reads a 2xx answer with <see cref="ProvisionAnswer"/>. Any other status, no answer within
/// <c>SellerApplication:RequestTimeout</c> or a failed connection means the tenant is not created yet.
/// </summary>
internal sealed class SellerApplicationProvisioner(HttpClient http, IOptions<SellerApplicationOptions> options, TimeProvider clock) : ITenantProvisioner
{
    /// <summary>The most of an answer read; the access it carries is a few hundred bytes.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    public async Task<ProvisionedTenant> CreateTenantAsync(TenantOrder order, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var timestamp = clock.GetUtcNow();
        var body = ProvisionRequestBody.Write(order, timestamp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(o.RequestTimeout);
        try
        {
            using var response = await SignedPost.SendAsync(http, o.CreateSigner(), o.ProvisioningUrl!, order.RequestId, timestamp, body, timeout.Token);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode) throw new ProvisioningHookException($"it answered HTTP {status.ToString(CultureInfo.InvariantCulture)}");
            return ProvisionAnswer.Read(await response.Content.ReadAsStringAsync(timeout.Token), status);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProvisioningHookException($"it did not answer within {o.RequestTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException e)
        {
            throw new ProvisioningHookException($"the request failed: {e.Message}");
        }
    }
}
