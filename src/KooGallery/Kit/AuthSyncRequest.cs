using System.Text.Json;

namespace Provisioning.KooGallery.Kit;

/// <summary>
/// authSync (租户应用授权信息同步 / 用户授权同步, Kit spec §A.3): grant, change or revoke users' access to the app.
/// <see cref="CurrentSyncTime"/> orders the batches: discard one older than the last applied.
/// </summary>
public sealed record AuthSyncRequest(
    string? InstanceId, string TenantId, string AppId, IReadOnlyList<KitUser> Users, string CurrentSyncTime,
    SyncFlag Flag, bool Test, string TimeStamp)
{
    /// <summary>The most users one call may carry.</summary>
    public const int MaxUsers = 500;

    /// <summary><see cref="CurrentSyncTime"/> as a time at UTC+8 (default if it is not a valid stamp).</summary>
    public DateTimeOffset CurrentSync => KitTime.TryParse(CurrentSyncTime, out var time) ? time : default;

    /// <summary>Parses a body of the most permissive generation (V2: flag 3, cancel authorization, allowed).</summary>
    public static Parsed<AuthSyncRequest> Parse(JsonElement root) => Parse(root, KitGeneration.V2);

    /// <summary>
    /// Parses a body; V1 allows flag 0 to 2, V2 also 3. <c>userList</c> may be a JSON array or a string holding one
    /// in either generation.
    /// </summary>
    public static Parsed<AuthSyncRequest> Parse(JsonElement root, KitGeneration generation)
    {
        var f = new FieldReader(root);
        var instanceId = f.RequiredMayBeEmpty("instanceId", KitFields.IdLength);
        var tenantId = f.Required("tenantId", KitFields.IdLength);
        var appId = f.Required("appId", KitFields.IdLength);
        var users = ReadUsers(f);
        var request = new AuthSyncRequest(
            instanceId, tenantId, appId, users,
            CurrentSyncTimeOf(f),
            generation == KitGeneration.V1
                ? KitFields.Flag(f, SyncFlag.Delete, SyncFlag.Add, SyncFlag.Modify)
                : KitFields.Flag(f, SyncFlag.Delete, SyncFlag.Add, SyncFlag.Modify, SyncFlag.CancelAuthorization),
            KitFields.Test(f),
            KitFields.TimeStamp(f));
        return Parsed<AuthSyncRequest>.From(request, f);
    }

    private static List<KitUser> ReadUsers(FieldReader f)
    {
        const string field = "userList";
        var items = f.RequiredArray(field);
        if (items.Count > MaxUsers)
        {
            return f.Fail($"{field} has {items.Count} users; at most {MaxUsers} are allowed", new List<KitUser>());
        }

        var users = new List<KitUser>(items.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count && f.Error is null; i++)
        {
            var user = KitUser.Read(f.Item(field, i, items[i]));
            if (f.Error is null && !names.Add(user.UserName))
            {
                f.Fail($"{field} holds userName '{user.UserName}' more than once", 0);
            }

            users.Add(user);
        }

        return users;
    }

    private static string CurrentSyncTimeOf(FieldReader f)
    {
        var text = f.Required("currentSyncTime", 17);
        return text.Length == 0 || KitTime.TryParse(text, out _)
            ? text
            : f.Fail($"currentSyncTime '{text}' is not a GMT+8 time in yyyyMMddHHmmssSSS form", text);
    }
}
