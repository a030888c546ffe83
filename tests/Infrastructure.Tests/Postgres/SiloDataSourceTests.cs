using Npgsql;
using Provisioning.Infrastructure.Postgres;

namespace Provisioning.Infrastructure.Tests.Postgres;

public sealed class SiloDataSourceTests
{
    [Fact]
    public async Task Connections_keep_their_prepared_statements_and_skip_the_reset_by_default()
    {
        await using var dataSource = SiloDataSource.Create("Host=db.example;Database=provisioning");

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.True(settings.NoResetOnClose);
        Assert.True(settings.MaxAutoPrepare > 0);
        Assert.Equal("db.example", settings.Host);
        Assert.Equal("provisioning", settings.Database);
    }

    [Fact]
    public async Task Settings_in_the_connection_string_win_over_the_defaults()
    {
        await using var dataSource = SiloDataSource.Create("Host=db.example;No Reset On Close=false;Max Auto Prepare=0");

        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Assert.False(settings.NoResetOnClose);
        Assert.Equal(0, settings.MaxAutoPrepare);
    }
}
