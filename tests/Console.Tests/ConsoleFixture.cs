using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Provisioning.Console.Tests;

/// <summary>
/// What the console's browser tests share: the failing seller application, the gateway on a real port with its seeded
/// instances and dead letters, and one headless Debian Chromium driven by Playwright.
/// </summary>
public sealed class ConsoleFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SellerApplicationEvents Events { get; private set; } = null!;

    public ConsoleGateway Gateway { get; private set; } = null!;

    public SeededInstances Instances { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}: the console's browser tests need Debian's chromium package (./scripts/test.sh installs it).");
        }

        // Only this run's pages: a renamed test leaves no stale picture behind.
        if (Directory.Exists(Screenshots)) Directory.Delete(Screenshots, recursive: true);
        Directory.CreateDirectory(Screenshots);
        diagnostics.OnMessage(new DiagnosticMessage($"Console screenshots: {Screenshots}"));

        Events = await SellerApplicationEvents.StartAsync();
        Gateway = new ConsoleGateway(Events.Url);
        Gateway.StartServer();
        Instances = await SeededInstances.MakeAsync(Gateway.Root);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    /// <summary>A fresh browser context for one test, named after it for its screenshots.</summary>
    public async Task<ConsoleSession> OpenSession([CallerMemberName] string test = "")
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = Gateway.Root.ToString() });
        // Playwright's 30 s is too short when the whole suite shares two cores with the test cluster's silos.
        context.SetDefaultTimeout(90_000);
        return new(this, test, context);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (Gateway is not null) await Gateway.DisposeAsync();
        if (Events is not null) await Events.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = nameof(ConsoleCollection);
}
