using Microsoft.AspNetCore.Http.HttpResults;

namespace Provisioning.Gateway.SellerApi;

/// <summary>The 400 of a page parameter out of range: a validation problem naming the parameter.</summary>
internal static class Paging
{
    public static ValidationProblem Refuse(string detail, string parameter) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [detail] }, detail);
}
