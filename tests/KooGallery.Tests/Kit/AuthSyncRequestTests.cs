using System.Text.Json.Nodes;
using Provisioning.KooGallery.Kit;

namespace Provisioning.KooGallery.Tests.Kit;

public class AuthSyncRequestTests
{
    private const string User =
        """{"userName":"u0","name":"U","orgCode":"10001","role":"user","enable":"true"}""";

    [Fact]
    public void The_V1_example_parses_with_its_extension()
    {
        var parsed = AuthSyncRequest.Parse(KitExample.Root(KitExample.AuthSyncV1), KitGeneration.V1);

        Assert.Null(parsed.Error);
        var request = parsed.Request!;
        Assert.Equal(("61e834ba-7b97-4418-b8c7-2a2b0bd1c1a7", "68cbc86abc0123456789880d92f36422fa0e", "a1b2c3d4e5f6"), (request.InstanceId, request.TenantId, request.AppId));
        Assert.Equal(("20240315151130123", SyncFlag.Add, false, "20240315151130456"), (request.CurrentSyncTime, request.Flag, request.Test, request.TimeStamp));
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 15, 11, 30, 123, TimeSpan.FromHours(8)), request.CurrentSync);
        Assert.Equal(
            [new KitUser("zhangsan01", "Zhang San", "10001", "Engineer", null, 1, "admin", true, null, null, "Nanjing", "2022-11-9")],
            request.Users);
    }

    [Fact]
    public void The_V2_example_parses()
    {
        var parsed = AuthSyncRequest.Parse(KitExample.Root(KitExample.AuthSyncV2), KitGeneration.V2);

        Assert.Null(parsed.Error);
        Assert.Equal(
            [new KitUser("zhangsan01", "Zhang San", "10001", "Engineer", "E0001", 1, "admin", true, null, null, "Nanjing", "2022-11-9")],
            parsed.Request!.Users);
        Assert.Equal(SyncFlag.Add, parsed.Request.Flag);
    }

    [Theory]
    [InlineData(KitGeneration.V1)]
    [InlineData(KitGeneration.V2)]
    public void The_userList_may_be_an_array_or_a_string_in_either_generation(KitGeneration generation)
    {
        var asArray = KitExample.With(KitExample.AuthSyncV1, "userList", $"[{User}]");
        var asString = KitExample.With(KitExample.AuthSyncV2, "userList", JsonValue.Create($"[{User}]").ToJsonString());

        Assert.Equal("u0", AuthSyncRequest.Parse(KitExample.Root(asArray), generation).Request?.Users.Single().UserName);
        Assert.Equal("u0", AuthSyncRequest.Parse(KitExample.Root(asString), generation).Request?.Users.Single().UserName);
    }

    [Theory]
    [InlineData("\"true\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Enable_is_a_string_or_a_boolean(string enable, bool expected)
    {
        Assert.Equal(expected, ParseUser($$"""{"userName":"u","name":"U","orgCode":"1","role":"user","enable":{{enable}}}""").Request?.Users.Single().Enabled);
    }

    [Theory]
    [InlineData("admin", "admin")]
    [InlineData("ADMIN", "admin")]
    [InlineData("User", "user")]
    public void The_role_is_normalized_to_lowercase(string role, string expected)
    {
        Assert.Equal(expected, ParseUser($$"""{"userName":"u","name":"U","orgCode":"1","role":"{{role}}","enable":"true"}""").Request?.Users.Single().Role);
    }

    [Theory]
    [InlineData("""{"name":"U","orgCode":"1","role":"user","enable":"true"}""", "userList[0].userName is missing")]
    [InlineData("""{"userName":"u","orgCode":"1","role":"user","enable":"true"}""", "userList[0].name is missing")]
    [InlineData("""{"userName":"u","name":"U","role":"user","enable":"true"}""", "userList[0].orgCode is missing")]
    [InlineData("""{"userName":"u","name":"U","orgCode":"1","enable":"true"}""", "userList[0].role is missing")]
    [InlineData("""{"userName":"u","name":"U","orgCode":"1","role":"user"}""", "userList[0].enable is missing")]
    [InlineData("""{"userName":"u","name":"U","orgCode":"1","role":"boss","enable":"true"}""", "userList[0].role 'boss' is not admin or user")]
    [InlineData("""{"userName":"u","name":"U","orgCode":"1","role":"user","enable":"yes"}""", "userList[0].enable 'yes' is not true or false")]
    [InlineData("""{"userName":"u","name":"U","orgCode":"1","role":"user","enable":"true","employeeType":"x"}""", "userList[0].employeeType 'x' is not an integer")]
    [InlineData("""{"userName":"u","name":"U","orgCode":"1","role":"user","enable":"true","employeeType":99999999999}""", "userList[0].employeeType 99999999999 is out of range")]
    [InlineData("""{"userName":"u","name":"U","orgCode":"1","role":"user","enable":"true","extension":"x"}""", "userList[0].extension is not a JSON object")]
    [InlineData("""{"userName":"u","name":"U","orgCode":"1","role":"user","enable":"true","extension":{"employeeType":"x"}}""", "userList[0].extension.employeeType 'x' is not an integer")]
    [InlineData("""{"userName":"u","name":"U","orgCode":"1","role":"user","enable":"true","email":1}""", "userList[0].email is not a JSON string")]
    [InlineData("\"u\"", "userList[0] is not a JSON object")]
    public void A_bad_user_field_is_named_with_its_position(string user, string expected)
    {
        var parsed = ParseUser(user);

        Assert.Null(parsed.Request);
        Assert.Equal(expected, parsed.Error);
    }

    [Fact]
    public void Fields_on_the_user_win_over_its_extension()
    {
        var user = ParseUser("""{"userName":"u","name":"U","orgCode":"1","role":"user","enable":"true","employeeType":2,"extension":{"employeeType":"4","workPlace":"X"}}""").Request!.Users.Single();

        Assert.Equal((2, "X", (string?)null), (user.EmployeeType, user.WorkPlace, user.EntryDate));
    }

    [Theory]
    [InlineData("userName", 64)]
    [InlineData("name", 64)]
    [InlineData("orgCode", 64)]
    [InlineData("position", 64)]
    [InlineData("employeeCode", 64)]
    [InlineData("mobile", 32)]
    [InlineData("email", 128)]
    [InlineData("workPlace", 256)]
    [InlineData("entryDate", 20)]
    public void User_field_lengths_are_limited(string field, int maxLength)
    {
        var user = JsonNode.Parse(User)!.AsObject();
        user[field] = new string('x', maxLength);
        Assert.Null(ParseUser(user.ToJsonString()).Error);

        user[field] = new string('x', maxLength + 1);
        Assert.Equal($"userList[0].{field} is longer than {maxLength} characters", ParseUser(user.ToJsonString()).Error);
    }

    [Fact]
    public void Five_hundred_users_are_allowed_and_501_refused()
    {
        Assert.Equal(500, ParseUsers(500).Request?.Users.Count);
        Assert.Equal("userList has 501 users; at most 500 are allowed", ParseUsers(501).Error);
    }

    [Fact]
    public void A_repeated_userName_is_refused_by_name()
    {
        var body = KitExample.With(KitExample.AuthSyncV2, "userList", $"[{User},{User.Replace("\"U\"", "\"V\"", StringComparison.Ordinal)}]");

        Assert.Equal("userList holds userName 'u0' more than once", AuthSyncRequest.Parse(KitExample.Root(body)).Error);
    }

    [Theory]
    [InlineData("3", KitGeneration.V2, null)]
    [InlineData("3", KitGeneration.V1, "flag 3 is not one of 0 (delete), 1 (add), 2 (modify)")]
    [InlineData("\"2\"", KitGeneration.V1, null)]
    [InlineData("4", KitGeneration.V2, "flag 4 is not one of 0 (delete), 1 (add), 2 (modify), 3 (cancel authorization)")]
    public void Cancel_authorization_is_a_V2_flag_only(string flag, KitGeneration generation, string? expected)
    {
        Assert.Equal(expected, AuthSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.AuthSyncV2, "flag", flag)), generation).Error);
    }

    [Theory]
    [InlineData("userList", "userList is missing")]
    [InlineData("currentSyncTime", "currentSyncTime is missing")]
    [InlineData("appId", "appId is missing")]
    [InlineData("instanceId", "instanceId is missing")]
    public void A_missing_field_is_named(string field, string expected)
    {
        Assert.Equal(expected, AuthSyncRequest.Parse(KitExample.Root(KitExample.Without(KitExample.AuthSyncV2, field))).Error);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("1")]
    [InlineData("\"not json\"")]
    [InlineData("\"{}\"")]
    public void A_userList_that_is_no_array_is_refused(string userList)
    {
        Assert.Equal(
            "userList is not a JSON array (or a string holding one)",
            AuthSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.AuthSyncV2, "userList", userList))).Error);
    }

    [Fact]
    public void A_userList_string_whose_user_repeats_a_key_is_refused_naming_it()
    {
        var userList = JsonValue.Create("""[{"userName":"u","userName":"v","name":"U","orgCode":"1","role":"user","enable":"true"}]""").ToJsonString();

        Assert.Equal(
            "userList repeats the key 'userName'",
            AuthSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.AuthSyncV1, "userList", userList)), KitGeneration.V1).Error);
    }

    [Theory]
    [InlineData("\"2024031515113012\"")]
    [InlineData("\"2024-03-15 15:11\"")]
    public void A_currentSyncTime_that_is_no_stamp_is_refused(string value)
    {
        var parsed = AuthSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.AuthSyncV2, "currentSyncTime", value)));

        Assert.EndsWith("is not a GMT+8 time in yyyyMMddHHmmssSSS form", parsed.Error);
    }

    private static Parsed<AuthSyncRequest> ParseUser(string user) =>
        AuthSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.AuthSyncV2, "userList", $"[{user}]")));

    private static Parsed<AuthSyncRequest> ParseUsers(int count)
    {
        var users = Enumerable.Range(0, count).Select(i => User.Replace("\"u0\"", $"\"u{i}\"", StringComparison.Ordinal));
        return AuthSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.AuthSyncV1, "userList", $"[{string.Join(',', users)}]")));
    }
}
