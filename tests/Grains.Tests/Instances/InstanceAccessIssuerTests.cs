using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Tests.Instances;

public sealed class InstanceAccessIssuerTests
{
    private static InstanceAccess Issue(InstanceAccessOptions options, OpenInstance? order = null) =>
        new InstanceAccessIssuer(Options.Create(options)).Issue("i-1", order ?? Orders.Open("CS9"));

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
}
