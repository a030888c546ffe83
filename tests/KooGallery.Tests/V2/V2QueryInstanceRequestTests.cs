using Provisioning.KooGallery.V1;
using Provisioning.KooGallery.V2;

namespace Provisioning.KooGallery.Tests.V2;

public class V2QueryInstanceRequestTests
{
    [Theory]
    [InlineData("a", new[] { "a" })]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData(" a , b ,, a,", new[] { "a", "b" })]
    public void Comma_separated_ids_are_split_trimmed_and_deduplicated(string value, string[] expected)
    {
        var parsed = V2QueryInstanceRequest.Parse(Json.Root($$"""{"activity":"queryInstance","instanceId":"{{value}}"}"""));

        Assert.Null(parsed.Error);
        Assert.Equal(expected, parsed.Request!.InstanceIds);
    }

    [Fact]
    public void One_hundred_ids_of_64_characters_are_accepted()
    {
        var ids = Enumerable.Range(0, 100).Select(i => i.ToString("D64")).ToArray();

        var parsed = V2QueryInstanceRequest.Parse(Json.Root($$"""{"instanceId":"{{string.Join(',', ids)}}"}"""));

        Assert.Null(parsed.Error);
        Assert.Equal(ids, parsed.Request!.InstanceIds);
    }

    [Fact]
    public void More_than_one_hundred_distinct_ids_are_refused()
    {
        var ids = string.Join(',', Enumerable.Range(0, 101).Select(i => $"id{i}"));

        Assert.Equal("instanceId lists 101 ids; at most 100 are allowed", V2QueryInstanceRequest.Parse(Json.Root($$"""{"instanceId":"{{ids}}"}""")).Error);
    }

    [Fact]
    public void An_id_longer_than_64_characters_is_refused()
    {
        var id = new string('7', 65);

        Assert.Equal("instanceId '7777777777777777…' is longer than 64 characters",
            V2QueryInstanceRequest.Parse(Json.Root($$"""{"instanceId":"a,{{id}}"}""")).Error);
    }

    [Theory]
    [InlineData("""{"activity":"queryInstance"}""", "instanceId is missing")]
    [InlineData("""{"instanceId":""}""", "instanceId is missing")]
    [InlineData("""{"instanceId":" , ,"}""", "instanceId is missing")]
    [InlineData("""{"instanceId":["a","b"]}""", "instanceId is not a JSON string")]
    [InlineData("""{"instanceId":42}""", "instanceId is not a JSON string")]
    public void No_ids_or_a_non_string_is_refused(string json, string expected)
    {
        Assert.Equal(expected, V2QueryInstanceRequest.Parse(Json.Root(json)).Error);
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData(" , ")]
    [InlineData("x,x,y")]
    public void V1_and_V2_split_the_same_list_the_same_way(string value)
    {
        var v1 = V1QueryInstanceRequest.Parse(new Dictionary<string, string> { ["instanceId"] = value });
        var v2 = V2QueryInstanceRequest.Parse(Json.Root($$"""{"instanceId":"{{value}}"}"""));

        Assert.Equal(v1.Error, v2.Error);
        Assert.Equal(v1.Request?.InstanceIds, v2.Request?.InstanceIds);
    }
}
