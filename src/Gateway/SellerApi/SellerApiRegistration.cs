using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioning.Gateway.SellerApi;

/// <summary>Registration of the seller-facing API.</summary>
public static class SellerApiRegistration
{
    public static WebApplicationBuilder AddSellerApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SellerApiOptions>()
            .Bind(builder.Configuration.GetSection(SellerApiOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ApiKeys>();
        builder.Services.AddProblemDetails();
        builder.Services.AddSellerApiDocument();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return builder;
    }
}
