namespace Provisioning.Gateway.SellerApi;

/// <summary>Registration of the seller-facing API.</summary>
public static class SellerApiRegistration
{
    public static WebApplicationBuilder AddSellerApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SellerApiOptions>().Bind(builder.Configuration.GetSection(SellerApiOptions.SectionName));
        builder.Services.AddSingleton<ApiKeys>();
        return builder;
    }
}
