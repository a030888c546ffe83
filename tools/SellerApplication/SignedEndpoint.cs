using Microsoft.AspNetCore.Http;

namespace Provisioning.SellerApplication;

/// <summary>
/// One endpoint of the fake seller application taking signed POSTs: refuses what does not verify (and counts it), plays the
/// next fault queued for the delivery's type, and otherwise takes the delivery (deduped by id) and answers.
/// </summary>
internal sealed class SignedEndpoint(
    string name, WebhookCheck check, EventInbox inbox, DeliveryFaults faults, Func<IResult> answer, TimeSpan silenceHold, Action<string> log)
{
    public async Task<IResult> AnswerAsync(HttpContext http)
    {
        var (delivery, refusal) = await check.ReadAsync(http.Request);
        if (delivery is null)
        {
            inbox.Refuse(refusal!.Value);
            log($"{name}: refused, {refusal}");
            return refusal == Refusal.Malformed
                ? Results.Text("the body is not an event naming an instance or a tenant", statusCode: StatusCodes.Status400BadRequest)
                : Results.Text("the webhook signature does not verify", statusCode: StatusCodes.Status401Unauthorized);
        }

        var what = $"{name} {delivery.Type} {delivery.Id} ({delivery.Stream})";
        switch (faults.Next(delivery.Type))
        {
            case { Fault: DeliveryFault.Error }:
                inbox.Faulted(delivery);
                log($"{what}: injected fault, HTTP 500");
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case { Fault: DeliveryFault.Drop }:
                inbox.Faulted(delivery);
                log($"{what}: injected fault, connection dropped");
                http.Abort();
                return Results.Empty;
            case { Fault: DeliveryFault.Late, Delay: { } delay }:
                Take(delivery, what, $"answer held back {delay}");
                return await Hold(http, delay) ? answer() : Results.Empty;
            case { Fault: DeliveryFault.Silent }:
                Take(delivery, what, "never answered");
                await Hold(http, silenceHold);
                http.Abort();
                return Results.Empty;
            default:
                Take(delivery, what, null);
                return answer();
        }
    }

    private void Take(Delivery delivery, string what, string? fault)
    {
        var taken = inbox.Take(delivery) ? "taken" : "repeat, deduped";
        log(fault is null ? $"{what}: {taken}" : $"{what}: {taken}; injected fault, {fault}");
    }

    // Whether the whole delay passed; false when the sender gave up first.
    private static async Task<bool> Hold(HttpContext http, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, http.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
