using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;
using Provisioning.Infrastructure.KooGallery;

namespace Provisioning.Grains.Tests.Instances;

public sealed class InstanceAccessIssuerTests
{
    private static InstanceAccess Issue(InstanceAccessOptions options, OpenInstance? order = null) =>
        Issued(options, order).Access!;

    private static IssuedAccess Issued(InstanceAccessOptions options, OpenInstance? order = null) =>
        new InstanceAccessIssuer(Options.Create(options), new KooGalleryAccessLimits()).Issue("i-1", order ?? Orders.Open("CS9"));

    [Fact]
    public void Templates_fill_in_the_order_and_escape_values_inside_urls()
    {
        var order = Orders.Open("CS9") with { Buyer = Orders.Open().Buyer with { CustomerName = "A&B Co" } };

        var access = Issue(new InstanceAccessOptions
        {
            FrontEndUrl = "https://{customerName}.example.com/{instanceId}?order={orderId}",
            UserName = "{customerName}-admin",
            Memo = "Product {productId}, spec {skuCode}",
        }, order);

        Assert.Equal("https://A%26B%20Co.example.com/i-1?order=CS9", access.FrontEndUrl);
        Assert.Equal("A&B Co-admin", access.UserName);
        Assert.Equal("Product 00301-666666-0--0, spec sku-basic", access.Memo);
    }

    [Fact]
    public void Passwords_are_random_and_mix_character_classes()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => Issue(new InstanceAccessOptions { PasswordLength = 12 }).Password!).ToArray();

        Assert.Equal(50, passwords.Distinct().Count());
        Assert.All(passwords, p =>
        {
            Assert.Equal(12, p.Length);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
            Assert.Contains(p, c => !char.IsLetterOrDigit(c));
        });
    }

    [Fact]
    public void Empty_templates_hand_out_no_account()
    {
        var access = Issue(new InstanceAccessOptions { UserName = "", PasswordLength = 0, AdminUrl = null });

        Assert.Null(access.UserName);
        Assert.Null(access.Password);
        Assert.Null(access.AdminUrl);
    }

    [Fact]
    public void Access_never_prints_the_password()
    {
        var access = Issue(new InstanceAccessOptions());

        Assert.DoesNotContain(access.Password!, access.ToString());
    }

    [Fact]
    public void Extend_params_do_not_leak_into_access()
    {
        var order = Orders.Open() with { ExtendParams = ImmutableDictionary<string, string>.Empty.Add("x", "{instanceId}") };

        Assert.DoesNotContain("{", Issue(new InstanceAccessOptions(), order).FrontEndUrl);
    }

    private static OpenInstance NamedOrder(string customerName) =>
        Orders.Open("CS9") with { Buyer = Orders.Open().Buyer with { CustomerName = customerName } };

    [Theory]
    [InlineData(26, true)]
    [InlineData(27, false)]
    public void A_user_name_fits_only_in_79_utf8_bytes_once_filled_in(int characters, bool fits)
    {
        var issued = Issued(new InstanceAccessOptions { UserName = "{customerName}", Memo = "x" }, NamedOrder(new string('云', characters)));

        Assert.Equal(fits, issued.Access is not null);
        if (!fits)
        {
            Assert.Equal("instance i-1 not opened: once filled in from the order, appInfo.userName is 81 UTF-8 bytes, over the limit of 79", issued.Refusal);
        }
    }

    [Fact]
    public void Every_url_and_the_memo_over_their_limits_once_filled_in_are_named_and_nothing_is_issued()
    {
        var issued = Issued(new InstanceAccessOptions
        {
            FrontEndUrl = "https://saas.example.com/{customerName}",
            AdminUrl = "https://admin.example.com/{customerName}",
            Memo = string.Concat(Enumerable.Repeat("{customerName}", 17)),
        }, NamedOrder(new string('云', 64)));

        Assert.Null(issued.Access);
        Assert.Contains("appInfo.frontEndUrl is 601 characters, over the limit of 512", issued.Refusal);
        Assert.Contains("appInfo.adminUrl is 602 characters, over the limit of 512", issued.Refusal);
        Assert.Contains("appInfo.memo is 1088 characters, over the limit of 1024", issued.Refusal);
        Assert.DoesNotContain("userName", issued.Refusal);
    }

    [Fact]
    public void A_url_of_exactly_512_characters_once_filled_in_is_issued()
    {
        const string template = "https://saas.example.com/{customerName}";
        var name = new string('a', 512 - (template.Length - "{customerName}".Length));

        var access = Issue(new InstanceAccessOptions { FrontEndUrl = template }, NamedOrder(name));

        Assert.Equal(512, access.FrontEndUrl.Length);
    }
}
