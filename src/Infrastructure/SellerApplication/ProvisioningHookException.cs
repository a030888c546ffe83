namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>The seller's application has not created the tenant: no answer in time, a refusal, or an answer that cannot be used.</summary>
internal sealed class ProvisioningHookException(string message) : Exception(message);
