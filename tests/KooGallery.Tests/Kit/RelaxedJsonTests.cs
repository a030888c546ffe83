using Provisioning.KooGallery.Kit;

namespace Provisioning.KooGallery.Tests.Kit;

public class RelaxedJsonTests
{
    [Theory]
    [InlineData("""[{orgCode:"00000001", name:"Product", parentCode:"265789314"}]""", """[{"orgCode":"00000001", "name":"Product", "parentCode":"265789314"}]""")]
    [InlineData("""[{ a : 1 ,b_2:true, $c:null}]""", """[{ "a" : 1 ,"b_2":true, "$c":null}]""")]
    [InlineData("""[{"a":"x, y:z"}]""", """[{"a":"x, y:z"}]""")]
    [InlineData("""[{a:"say \"b:1\""}]""", """[{"a":"say \"b:1\""}]""")]
    [InlineData("""[true, false, null, 1]""", """[true, false, null, 1]""")]
    [InlineData("""[{a:{b:[1,{c:2}]}}]""", """[{"a":{"b":[1,{"c":2}]}}]""")]
    [InlineData("""[{"a":1}]""", """[{"a":1}]""")]
    public void Bare_keys_are_quoted_and_nothing_else_changes(string text, string expected)
    {
        Assert.Equal(expected, RelaxedJson.QuoteBareKeys(text));
    }

    [Fact]
    public void The_documented_unquoted_form_parses()
    {
        Assert.True(RelaxedJson.TryParseArray("""[{orgCode:"00000001", name:"Product", parentCode:"265789314"},{orgCode:"00000002", name:"QA",}]""", out var items, out _));
        Assert.Equal(2, items.Count);
        Assert.Equal("QA", items[1].GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("\"[]\"")]
    [InlineData("[{orgCode:}]")]
    [InlineData("[1,2")]
    [InlineData("[{a:1}] x")]
    [InlineData("[{a:\"\\ud800\"}]")]
    public void Text_that_is_no_array_is_refused(string text)
    {
        Assert.False(RelaxedJson.TryParseArray(text, out var items, out _));
        Assert.Empty(items);
    }

    [Theory]
    [InlineData("""[{orgCode:"1", orgCode:"2"}]""", "repeats the key 'orgCode'")]
    [InlineData("""[{"a":{"b":1,"b":2}}]""", "repeats the key 'b'")]
    [InlineData("""[{"name":"x","n\u0061me":"y"}]""", "repeats the key 'name'")]
    [InlineData("[{a:\"\\ud800\"}]", "holds a string that is not valid Unicode")]
    public void Text_that_reads_more_than_one_way_is_refused_saying_why(string text, string ambiguity)
    {
        Assert.False(RelaxedJson.TryParseArray(text, out var items, out var reason));
        Assert.Empty(items);
        Assert.Equal(ambiguity, reason);
    }

    [Fact]
    public void The_same_key_in_two_objects_is_no_repeat()
    {
        Assert.True(RelaxedJson.TryParseArray("""[{orgCode:"1"},{orgCode:"2", sub:{orgCode:"3"}}]""", out var items, out var ambiguity));
        Assert.Equal(2, items.Count);
        Assert.Null(ambiguity);
    }
}
