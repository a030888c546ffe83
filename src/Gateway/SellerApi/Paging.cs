using Microsoft.AspNetCore.Http.HttpResults;

namespace Provisioning.Gateway.SellerApi;

/// <summary>Page parameters of the seller API, and the 400 of one out of range: a validation problem naming the parameter.</summary>
internal static class Paging
{
    /// <summary>The largest page any listing answers.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The refusal of a <c>limit</c> outside 1 to <see cref="MaxLimit"/>, or null.</summary>
    public static ValidationProblem? RefuseLimit(int limit) =>
        limit is < 1 or > MaxLimit ? Refuse($"limit must be between 1 and {MaxLimit}", "limit") : null;

    public static ValidationProblem Refuse(string detail, string parameter) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [detail] }, detail);
}
