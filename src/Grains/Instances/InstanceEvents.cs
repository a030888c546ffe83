using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Provisioning.Grains.Events;

namespace Provisioning.Grains.Instances;

/// <summary>
/// The events for the seller's application that an instance's applied transitions make: one per transition (<c>instance.opened</c>,
/// <c>renewed</c>, <c>upgraded</c>, <c>frozen</c>, <c>unfrozen</c>, <c>released</c>; a renewal that brings a frozen instance back
/// makes <c>renewed</c> then <c>unfrozen</c>; accepting a V2 line for provisioning makes none). The data object's members and
/// their order are the documented shape (README, "Instance events"); it carries ids only, never phone, email, user names or
/// credentials.
/// </summary>
internal static class InstanceEvents
{
    /// <summary>The events of <paramref name="transitions"/>, numbered on from the state's event sequence (which moves on).</summary>
    public static IReadOnlyList<SellerEvent> Of(InstanceAddress address, SaasInstanceState state, IEnumerable<InstanceTransition> transitions)
    {
        var stream = SellerEventStreams.Of(address);
        var events = new List<SellerEvent>();
        foreach (var transition in transitions)
        {
            foreach (var type in TypesOf(transition))
            {
                var sequence = ++state.EventSequence;
                events.Add(new SellerEvent(IdOf(stream, sequence), stream, type, transition.At, address.Traffic, Data(address, state, transition)));
            }
        }

        return events;
    }

    /// <summary><c>evt_</c> and 32 hex digits of a hash of the stream and the event's number in it: the same on every re-recording.</summary>
    public static string IdOf(string stream, long sequence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{stream}#{sequence}"));
        return "evt_" + Convert.ToHexStringLower(hash, 0, 16);
    }

    private static IEnumerable<string> TypesOf(InstanceTransition transition)
    {
        switch (transition.Action)
        {
            case InstanceAction.Open: yield return "instance.opened"; break;
            case InstanceAction.Renew:
                yield return "instance.renewed";
                if (transition is { From: InstanceStatus.Frozen, To: InstanceStatus.Active }) yield return "instance.unfrozen";
                break;
            case InstanceAction.Upgrade: yield return "instance.upgraded"; break;
            case InstanceAction.Freeze: yield return "instance.frozen"; break;
            case InstanceAction.Unfreeze: yield return "instance.unfrozen"; break;
            case InstanceAction.Release: yield return "instance.released"; break;
        }
    }

    // The instance as the whole command left it, with the transition's own status, order and time.
    private static string Data(InstanceAddress address, SaasInstanceState state, InstanceTransition transition)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("instanceId", address.InstanceId);
            json.WriteBoolean("test", address.Traffic == Traffic.Test);
            json.WriteString("status", InstanceNames.Of(transition.To));
            json.WriteString("productId", state.Plan?.ProductId);
            json.WriteString("skuCode", state.Plan?.SkuCode);
            json.WriteString("chargingMode", state.Plan is { } plan ? InstanceNames.Of(plan.ChargingMode) : null);
            json.WriteBoolean("trial", state.Trial);
            if (state.ExpiresAt is { } expires) json.WriteString("expiresAt", expires);
            else json.WriteNull("expiresAt");
            json.WriteString("orderId", transition.OrderId);
            json.WriteString("customerId", state.Buyer?.CustomerId);
            json.WriteString("userId", state.Buyer?.UserId);
            json.WriteNumber("version", state.Version);
            json.WriteString("occurredAt", transition.At);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
