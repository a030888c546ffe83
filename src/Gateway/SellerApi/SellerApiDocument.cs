using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// The OpenAPI document of the seller and operator endpoints (<c>/openapi/v1.json</c>), derived from their typed results and
/// key requirements, and its reference page (<c>/api/reference</c>). The marketplace callbacks follow KooGallery's protocol
/// and are not part of it.
/// </summary>
public static class SellerApiDocument
{
    public const string DocumentPath = "/openapi/{documentName}.json";

    /// <summary>Where <see cref="DocumentPath"/> serves the one document there is.</summary>
    public const string DocumentUrl = "/openapi/v1.json";

    public const string ReferencePath = "/api/reference";

    private const string SchemeName = "ApiKey";

    public static IServiceCollection AddSellerApiDocument(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.ShouldInclude = description => description.ActionDescriptor.EndpointMetadata.OfType<KeyRequirement>().Any();
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "KooGallery provisioning: seller API";
            document.Info.Description = $"The seller's application and operators call these endpoints with the {ApiKeys.HeaderName} header. "
                + "Each operation names the key it needs (read, usage, license or admin); the admin key holds every role. Errors are problem details (RFC 9457).";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeys.HeaderName,
                Description = "SellerApi:Key (read), SellerApi:UsageKey (usage), SellerApi:LicenseKey (license) or SellerApi:AdminKey (admin).",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<KeyRequirement>().FirstOrDefault() is not { } requirement) return Task.CompletedTask;

            // For an apiKey scheme the requirement's list names roles (OpenAPI 3.1): here, the key the endpoint needs.
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [requirement.Role] });
            operation.Description = $"Needs the {requirement.Role} key{(requirement.Key == SellerKey.Admin ? "" : " or the admin key")}.";
            return Task.CompletedTask;
        });
    });

    public static IEndpointRouteBuilder MapSellerApiDocument(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath);
        endpoints.MapScalarApiReference(ReferencePath, options => options.WithOpenApiRoutePattern(DocumentPath).WithTitle("Seller API reference"));
        return endpoints;
    }
}
