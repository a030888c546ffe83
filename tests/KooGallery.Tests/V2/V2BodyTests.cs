using System.Text;
using System.Text.Json;
using Provisioning.KooGallery.V2;

namespace Provisioning.KooGallery.Tests.V2;

public class V2BodyTests
{
    [Fact]
    public void The_spec_release_example_reads_as_an_object()
    {
        var body = """{"activity":"releaseInstance","instanceId":"10e758d0-0000-4000-8000-000000000000","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","testFlag":"0"}"""u8;

        Assert.True(V2Body.TryRead(body, out var root, out var error));
        Assert.Null(error);
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal("CS2211181819B4LVS", root.GetProperty("orderId").GetString());
    }

    [Fact]
    public void The_root_outlives_the_body_bytes()
    {
        var body = Encoding.UTF8.GetBytes("""{"activity":"queryInstance"}""");
        Assert.True(V2Body.TryRead(body, out var root, out _));

        Array.Clear(body);

        Assert.Equal("queryInstance", root.GetProperty("activity").GetString());
    }

    [Theory]
    [InlineData(" \r\n\t{\"activity\":\"newInstance\"}\n")]
    [InlineData("\uFEFF{\"activity\":\"newInstance\"}")]
    [InlineData("{}")]
    public void Surrounding_whitespace_and_a_byte_order_mark_are_accepted(string text)
    {
        Assert.True(V2Body.TryRead(Encoding.UTF8.GetBytes(text), out var root, out var error));
        Assert.Null(error);
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
    }

    [Theory]
    [InlineData("", "the body is empty")]
    [InlineData("   ", "the body is not valid JSON")]
    [InlineData("{\"activity\":", "the body is not valid JSON")]
    [InlineData("{'activity':'newInstance'}", "the body is not valid JSON")]
    [InlineData("activity=newInstance", "the body is not valid JSON")]
    [InlineData("{\"a\":1} {\"b\":2}", "the body holds more than one JSON value")]
    [InlineData("{\"a\":1}x", "the body is not valid JSON")]
    [InlineData("[{\"activity\":\"newInstance\"}]", "the body is not a JSON object")]
    [InlineData("\"newInstance\"", "the body is not a JSON object")]
    [InlineData("null", "the body is not a JSON object")]
    [InlineData("42", "the body is not a JSON object")]
    public void A_body_that_is_not_one_json_object_is_rejected_with_a_reason(string text, string expected)
    {
        Assert.False(V2Body.TryRead(Encoding.UTF8.GetBytes(text), out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'D', (byte)'8', (byte)'0', (byte)'0' })]
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'D', (byte)'C', (byte)'0', (byte)'0', (byte)'x' })]
    public void A_string_that_is_not_valid_unicode_is_rejected(byte[] inside)
    {
        byte[] value = [.. "{\"a\":\""u8, .. inside, .. "\"}"u8];
        byte[] name = [.. "{\""u8, .. inside, .. "\":1}"u8];

        Assert.False(V2Body.TryRead(value, out _, out var valueError));
        Assert.False(V2Body.TryRead(name, out _, out var nameError));
        Assert.Equal("the body holds a string that is not valid Unicode", valueError);
        Assert.Equal(valueError, nameError);
    }

    [Theory]
    [InlineData("""{"orderId":"a","orderId":"b"}""", "the body repeats the key 'orderId'")]
    [InlineData("""{"orderId":"a","order\u0049d":"b"}""", "the body repeats the key 'orderId'")]
    [InlineData("""{"info":{"x":1,"y":{"z":1,"z":2}}}""", "the body repeats the key 'z'")]
    [InlineData("""{"list":[{"k":1},{"k":2,"k":3}]}""", "the body repeats the key 'k'")]
    public void A_body_that_repeats_a_key_in_any_object_is_rejected_naming_the_key(string text, string expected)
    {
        Assert.False(V2Body.TryRead(Encoding.UTF8.GetBytes(text), out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_repeated_key_of_absurd_length_is_named_short()
    {
        var key = new string('k', 10_000);

        Assert.False(V2Body.TryRead(Encoding.UTF8.GetBytes($"{{\"{key}\":1,\"{key}\":2}}"), out _, out var error));
        Assert.Equal($"the body repeats the key '{key[..64]}…'", error);
    }

    [Fact]
    public void Escaped_characters_and_surrogate_pairs_are_read()
    {
        var root = Json.Root("""{"a":"\uD83D\uDE00 \u6D4B\"\\"}""");

        Assert.Equal("😀 测\"\\", root.GetProperty("a").GetString());
    }
}
