using System.Text;

namespace Provisioning.KooGallery.Tests.Kit;

public class KitBodySignTests
{
    // Kit spec §2.2 worked vector.
    private const string Signature = "+BHd9ptydKyjwS5q2GT4j4Px7l/lGnXwNACWjVaj4B4=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"resultCode":"000000","resultMsg":"Success"}""");

    [Fact]
    public void The_kit_spec_vector_is_exact()
    {
        Assert.Equal($"sign_type=\"HMAC-SHA256\", signature= \"{Signature}\"", BodySign.Compute(Body, KitExample.Key));
    }

    [Fact]
    public void The_kit_spec_header_shape_verifies()
    {
        Assert.True(BodySign.Verify($"sign_type=\"HMAC-SHA256\", signature=\"{Signature}\"", Body, KitExample.Key));
    }
}
