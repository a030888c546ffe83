using System.Net;
using System.Security.Cryptography;
using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Marketplace.OpenApi;
using Provisioning.Simulator.Seller;

namespace Provisioning.Simulator.Scenarios;

/// <summary>A check of the License API's answer about a code: the reason it fails, or null.</summary>
public delegate string? StandingCheck(LicenseStanding standing);

/// <summary>
/// The parts every activation code scenario plays: the fake open API holding the buyer's codes, the software on the License
/// API and KooGallery's callbacks signed with the License key; each step checks the answer and, where it matters, what the
/// fake open API saw.
/// </summary>
public sealed class LicenseCodeSteps
{
    private LicenseCodeSteps(ScenarioPlay play)
    {
        Play = play;
        OpenApi = play.Require(play.OpenApi, "--openapi or --openapi-port");
        Callbacks = play.Require(play.LicenseCodes, "--license-access-key");
        Software = play.Require(play.Licenses, "--seller-license-key");
    }

    public ScenarioPlay Play { get; }

    public FakeOpenApiControl OpenApi { get; }

    public V2Marketplace Callbacks { get; }

    public LicenseClient Software { get; }

    /// <summary>The steps of <paramref name="play"/>; skips the scenario when the run lacks the fake open API or a key.</summary>
    public static LicenseCodeSteps For(ScenarioPlay play) => new(play);

    /// <summary>A fresh code, as KooGallery makes one per purchase.</summary>
    public static string NewCode() => "SIM" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));

    /// <summary>A time on a whole second, as the marketplace's <c>yyyyMMddHHmmss</c> carries it.</summary>
    public static DateTimeOffset Whole(DateTimeOffset time) => new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    /// <summary>Registers <paramref name="code"/> with the fake open API as the buyer's purchase (and 领取) left it.</summary>
    public Task Register(string code, CodeScript script) =>
        Play.Check($"the fake open API holds code {code}", async () =>
        {
            await OpenApi.AddCode(code, script);
            return null;
        });

    /// <summary>Changes the code in the fake open API, as KooGallery does before it calls the seller back.</summary>
    public Task Change(string step, string code, CodeChange change) =>
        Play.Check(step, async () =>
        {
            await OpenApi.ChangeCode(code, change);
            return null;
        });

    /// <summary>Checks what the fake open API saw of the code.</summary>
    public Task Saw(string step, string code, Func<CodeTrace, string?> check) =>
        Play.Check(step, async () => await OpenApi.Code(code) is { } trace ? check(trace) : $"the fake open API does not know code {code}");

    /// <summary>Registers a claimed code expiring at <paramref name="expiresAt"/> and activates it: it may run until then.</summary>
    public async Task<LicenseStanding> Activated(string code, DateTimeOffset expiresAt)
    {
        await Register(code, new CodeScript(ExpireTime: expiresAt));
        return await Standing("activate", () => Software.Activate(code), MayRun(true), Expires(expiresAt));
    }

    /// <summary>A License API call answered 200 with a standing that passes every check.</summary>
    public async Task<LicenseStanding> Standing(string step, Func<Task<LicenseAnswer>> call, params StandingCheck[] checks)
    {
        var (answer, failure) = await Send(call);
        failure ??= answer!.Status != HttpStatusCode.OK ? $"HTTP {(int)answer.Status}: {answer.Detail}"
            : answer.Standing is not { } standing ? "the answer has no standing"
            : checks.Select(check => check(standing)).FirstOrDefault(reason => reason is not null);
        Record(step, answer, failure);
        return answer!.Standing!;
    }

    /// <summary>The status of the code, answered 200 and passing every check.</summary>
    public Task<LicenseStanding> Status(string step, string code, params StandingCheck[] checks) => Standing(step, () => Software.Status(code), checks);

    /// <summary>A License API call answered <paramref name="expected"/>, its problem's detail containing <paramref name="detailHas"/> when given.</summary>
    public async Task Answered(string step, Func<Task<LicenseAnswer>> call, HttpStatusCode expected, string? detailHas = null)
    {
        var (answer, failure) = await Send(call);
        failure ??= answer!.Status != expected ? $"HTTP {(int)answer.Status}, expected {(int)expected}: {answer.Detail}"
            : detailHas is not null && answer.Detail?.Contains(detailHas, StringComparison.Ordinal) != true ? $"the detail \"{answer.Detail}\" does not mention {detailHas}"
            : null;
        Record(step, answer, failure);
    }

    /// <summary>Reports users of the code: answered 200.</summary>
    public Task ReportUsers(string step, string code, params string[] userIds) =>
        Answered(step, () => Software.ReportUsers(code, userIds), HttpStatusCode.OK);

    /// <summary>A callback sent twice, each signed afresh: both answers carry <paramref name="resultCode"/> and the same message.</summary>
    public async Task Twice(string step, string resultCode, string activity, params (string Name, object? Value)[] fields)
    {
        var expected = Expectation.Code(resultCode);
        var first = await Play.Step(step, () => Callbacks.Call(activity, fields), expected);
        await Play.Step($"{step} again", () => Callbacks.Call(activity, fields), expected.And(Checks.Same("resultMsg", first.ResultMsg)));
    }

    /// <summary><c>refreshLicenseCode</c> (twice) setting the expiry to <paramref name="expiresAt"/>, answered 000000.</summary>
    public Task Renew(string step, string code, string orderId, DateTimeOffset expiresAt, string scene = "RENEWAL") =>
        Twice(step, ResultCodes.Success, "refreshLicenseCode", RenewalFields(code, orderId, expiresAt, scene, test: false));

    /// <summary><c>updateLicenseCodeStatus</c> (twice), answered 000000.</summary>
    public Task SetStatus(string code, string status) =>
        Twice($"updateLicenseCodeStatus {status}", ResultCodes.Success, "updateLicenseCodeStatus", ("license", code), ("status", status), ("testFlag", "0"));

    /// <summary><c>releaseLicenseCode</c> (twice), answered 000000.</summary>
    public Task Release(string step, string code) =>
        Twice(step, ResultCodes.Success, "releaseLicenseCode", ("license", code), ("orderId", $"{code}-UNSUB"), ("orderLineId", $"{code}-UNSUB-000001"), ("testFlag", "0"));

    /// <summary>One callback with exactly this signed request, expecting <paramref name="resultCode"/>.</summary>
    public Task<MarketplaceAnswer> Send(string step, V2Request request, string resultCode) =>
        Play.Step(step, () => Callbacks.Send(request), Expectation.Code(resultCode));

    /// <summary>The body of a <c>refreshLicenseCode</c> callback.</summary>
    public static (string Name, object? Value)[] RenewalFields(string code, string orderId, DateTimeOffset expiresAt, string scene, bool test) =>
    [
        ("scene", scene), ("orderId", orderId), ("orderLineId", $"{orderId}-000001"), ("license", code),
        ("expireTime", KooGalleryTime.FormatSeconds(expiresAt)), ("testFlag", test ? "1" : "0"),
    ];

    /// <summary>The software may run (or may not).</summary>
    public static StandingCheck MayRun(bool expected) =>
        s => s.MayRun == expected ? null : $"mayRun is {s.MayRun} ({s.Status}: {s.Message}), expected {expected}";

    /// <summary>The code stands in this state (<c>active</c>, <c>frozen</c>, …).</summary>
    public static StandingCheck Is(string status) =>
        s => s.Status == status ? null : $"status is {s.Status} ({s.Message}), expected {status}";

    /// <summary>The code expires at exactly this time.</summary>
    public static StandingCheck Expires(DateTimeOffset expected) =>
        s => s.ExpiresAt == expected ? null : $"expiresAt is {s.ExpiresAt:O}, expected {expected:O}";

    /// <summary>The message for the user mentions <paramref name="text"/>.</summary>
    public static StandingCheck Says(string text) =>
        s => s.Message.Contains(text, StringComparison.Ordinal) ? null : $"the message \"{s.Message}\" does not mention {text}";

    /// <summary>The fake open API answered this many queries of the code.</summary>
    public static Func<CodeTrace, string?> Queried(int expected) =>
        t => t.Queries == expected ? null : $"the code was queried {t.Queries} times, expected {expected}";

    private void Record(string step, LicenseAnswer? answer, string? failure) =>
        Play.Record(step, answer is null ? null : $"HTTP {(int)answer.Status}", answer?.Elapsed ?? TimeSpan.Zero, failure);

    private static async Task<(LicenseAnswer? Answer, string? Failure)> Send(Func<Task<LicenseAnswer>> call)
    {
        try
        {
            return (await call(), null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return (null, $"no answer: {e.Message}");
        }
    }
}
