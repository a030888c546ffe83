using System.Text;
using Provisioning.KooGallery.Responses;

namespace Provisioning.KooGallery.Tests.Responses;

public class V2ResponseTests
{
    [Fact]
    public void The_newInstance_answer_serializes_to_the_body_of_the_Body_Sign_example()
    {
        var body = ResponseJson.Serialize(new V2NewInstanceResponse("000000", "success.", "61e834ba-7b97-4418-b8f7-e5345137278c"));

        Assert.Equal("""{"resultCode":"000000","resultMsg":"success.","instanceId":"61e834ba-7b97-4418-b8f7-e5345137278c"}""", Encoding.UTF8.GetString(body));
        Assert.Equal("sign_type=\"HMAC-SHA256\", signature= \"CWpqYAg4IjwYANSgf7VUyzq3qzKstwH+RHMLSV4VdZY=\"", BodySign.Compute(body, SpecExample.Key));
    }

    [Fact]
    public void A_failed_newInstance_answer_leaves_out_the_instance_id()
    {
        var body = ResponseJson.Serialize(new V2NewInstanceResponse("000002", "orderId is missing", null));

        Assert.Equal("""{"resultCode":"000002","resultMsg":"orderId is missing"}""", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void An_asynchronous_newInstance_answer_is_pure_ascii()
    {
        var body = ResponseJson.Serialize(new V2NewInstanceResponse("000004", "正在创建", "i-1"));

        Assert.Equal("""{"resultCode":"000004","resultMsg":"\u6B63\u5728\u521B\u5EFA","instanceId":"i-1"}""", Encoding.UTF8.GetString(body));
    }
}
