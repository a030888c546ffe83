using Provisioning.Simulator.Cli;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("simulator");
    config.AddCommand<RunCommand>("run").WithDescription("Play the scenarios against a running gateway and print the report.");
    config.AddCommand<ListCommand>("list").WithDescription("List the scenarios.");
    config.AddCommand<FakeOpenApiCommand>("fake-openapi").WithDescription("Run a fake KooGallery open API (order query, usage push) for the gateway to call.");
    config.AddCommand<FakeAuthCenterCommand>("fake-auth-center").WithDescription("Run a fake tenant auth center (OAuth 2.0, CAS 3.0) for joint-operation logins.");
    config.AddCommand<FakeSellerAppCommand>("fake-seller-app").WithDescription("Run a fake seller application (events, provisioning hook) for the gateway to deliver to.");
});
return await app.RunAsync(args);
