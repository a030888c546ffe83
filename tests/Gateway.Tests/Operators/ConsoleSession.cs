using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Provisioning.Gateway.Tests.Operators;

/// <summary>A browser of the operator console without a page: it keeps the session cookie and reads anti-forgery tokens.</summary>
public static partial class ConsoleSession
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public static HttpClient Browser(WebApplicationFactory<Program> gateway) =>
        gateway.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The anti-forgery token of the form on <paramref name="path"/>.</summary>
    public static async Task<string> Token(HttpClient browser, string path) =>
        AntiforgeryToken().Match(await browser.GetStringAsync(path)).Groups[1].Value;

    public static async Task<HttpResponseMessage> SignIn(HttpClient browser, string key) =>
        await browser.PostAsync("/console/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = key, ["__RequestVerificationToken"] = await Token(browser, "/console/signin"),
        }));
}
