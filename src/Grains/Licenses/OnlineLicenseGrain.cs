using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Licenses;

/// <summary>
/// The online Licenses of one SaaS instance. An application is checked against the instance and stored before it is answered;
/// then, one step at a time off the grain's scheduler and picked up by a timer, each License is issued (and stored, so it is
/// never issued again) and uploaded. A durable reminder retries what failed until every License is uploaded or refused for
/// good, also after the silo stopped.
/// </summary>
[GrainType("online-license")]
internal sealed class OnlineLicenseGrain(
    [PersistentState("online-license", StorageNames.Grains)] IPersistentState<OnlineLicenseState> state,
    ILicenseUploader uploader,
    IOptions<OnlineLicenseOptions> options,
    IOptions<ProvisioningOptions> provisioning,
    TimeProvider clock,
    ILogger<OnlineLicenseGrain> logger,
    ILicenseIssuer? issuer = null) : Grain, IOnlineLicenseGrain, IRemindable
{
    private const string RetryReminder = "online-license";

    private readonly LicenseDelivery _delivery = new(issuer, uploader);

    // Licenses whose last step failed: left to the reminder rather than retried at once.
    private readonly HashSet<string> _resting = new(StringComparer.Ordinal);

    private Task<OnlineLicense>? _step;
    private IGrainTimer? _poll;
    private bool _reminderSet;

    private Dictionary<string, OnlineLicense> Licenses => state.State.Licenses;

    private InstanceAddress Address => InstanceAddress.FromGrainKey(this.GetPrimaryKeyString());

    // A silo that stopped mid-delivery (or before the reminder was registered) left Licenses pending: pick them up at once.
    public override Task OnActivateAsync(CancellationToken cancellationToken) => KeepTryingAsync();

    public async Task<OnlineLicenseReply> Apply(LicenseApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        if (Licenses.TryGetValue(application.EventId, out var stored))
        {
            if (stored.Terms.DeviceFingerprint != application.DeviceFingerprint)
            {
                return new OnlineLicenseReply(OnlineLicenseOutcome.EventConflict,
                    $"event {application.EventId} already applied for a License of another device; an event id names one application");
            }

            await KeepTryingAsync();
            return LicenseApplicationRules.Accepted(application.EventId);
        }

        var instance = await GrainFactory.GetInstance(Address).Get();
        if (LicenseApplicationRules.Refusal(instance, application, Licenses.Values, options.Value) is { } refusal) return refusal;

        Licenses[application.EventId] = new OnlineLicense(application.EventId, LicenseApplicationRules.TermsOf(instance!, application),
            clock.GetUtcNow(), null, LicenseUploadStatus.Pending, 0, null);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            Licenses.Remove(application.EventId);
            throw;
        }

        await KeepTryingAsync();
        return LicenseApplicationRules.Accepted(application.EventId);
    }

    public Task<IReadOnlyList<OnlineLicense>> GetLicenses() =>
        Task.FromResult<IReadOnlyList<OnlineLicense>>([.. Licenses.Values.OrderBy(l => l.AppliedAt)]);

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RetryReminder) return;
        _resting.Clear();
        if (Pending().Any()) Continue();
        else await StopRetryingAsync();
    }

    private IEnumerable<OnlineLicense> Pending() => Licenses.Values.Where(l => l.Upload == LicenseUploadStatus.Pending);

    private async Task KeepTryingAsync()
    {
        if (!Pending().Any()) return;
        if (!_reminderSet)
        {
            var period = options.Value.RetryPeriod;
            await this.RegisterOrUpdateReminder(RetryReminder, period, period);
            _reminderSet = true;
        }

        Continue();
    }

    // Starts the next step unless one is in flight; oldest application first.
    private void Continue()
    {
        if (_step is not null) return;
        var next = Pending().Where(l => !_resting.Contains(l.EventId)).MinBy(l => l.AppliedAt);
        if (next is null)
        {
            _poll?.Dispose();
            _poll = null;
            return;
        }

        _step = _delivery.NextStepAsync(next);
        var period = provisioning.Value.PollPeriod;
        _poll ??= this.RegisterGrainTimer(TakeStepAsync, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
    }

    // Runs in grain turns only, so it never races an application.
    private async Task TakeStepAsync()
    {
        if (_step is not { IsCompleted: true } step) return;
        _step = null;
        var done = step.Result;
        var before = Licenses[done.EventId];
        Licenses[done.EventId] = done;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            Licenses[done.EventId] = before;
            _resting.Add(done.EventId);
            logger.LogWarning(e, "Storing the License of event {EventId} of instance {InstanceId} failed; the reminder retries", done.EventId, Address.InstanceId);
            Continue();
            return;
        }

        Report(done);
        if (done.LastError is not null && done.Upload == LicenseUploadStatus.Pending) _resting.Add(done.EventId);
        if (!Pending().Any()) await StopRetryingAsync();
        Continue();
    }

    private void Report(OnlineLicense license)
    {
        var (eventId, instanceId) = (license.EventId, Address.InstanceId);
        if (license.Upload == LicenseUploadStatus.Refused)
        {
            logger.LogError("The marketplace refused the License of event {EventId} of instance {InstanceId} for good: {Error}", eventId, instanceId, license.LastError);
        }
        else if (license.LastError is not null)
        {
            logger.LogWarning("The License of event {EventId} of instance {InstanceId} is not delivered yet; the reminder retries: {Error}", eventId, instanceId, license.LastError);
        }
        else if (license.Upload == LicenseUploadStatus.Uploaded)
        {
            logger.LogInformation("Uploaded the License of event {EventId} of instance {InstanceId}", eventId, instanceId);
        }
    }

    private async Task StopRetryingAsync()
    {
        if (await this.GetReminder(RetryReminder) is { } reminder) await this.UnregisterReminder(reminder);
        _reminderSet = false;
    }
}
