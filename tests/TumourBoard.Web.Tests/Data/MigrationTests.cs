using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumourBoard.Web.Data;
using TumourBoard.Web.Tests.Infrastructure;

namespace TumourBoard.Web.Tests.Data;

public sealed class MigrationTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Migrate_OnAnEmptyDatabase_CreatesTheWholeSchema()
    {
        var connectionString = await cluster.CreateEmptyDatabaseAsync();
        var options = new DbContextOptionsBuilder<TumourBoardDbContext>().UseNpgsql(connectionString).Options;
        await using var db = new TumourBoardDbContext(options);

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('centres','meetings','weekly_schedules','AspNetUsers','DataProtectionKeys')", connection);
        Assert.Equal(5L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void Model_HasNoChangesMissingFromTheMigrations()
    {
        var options = new DbContextOptionsBuilder<TumourBoardDbContext>().UseNpgsql("Host=localhost").Options;
        using var db = new TumourBoardDbContext(options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: add a migration with `dotnet ef migrations add`.");
    }
}
