using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Provisioning.Gateway.Tests.SellerApi;

/// <summary>Reads a problem-details answer (RFC 9457) of the seller API, checking its media type and status.</summary>
internal static class Problem
{
    public static async Task<string> Detail(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail;
    }
}
