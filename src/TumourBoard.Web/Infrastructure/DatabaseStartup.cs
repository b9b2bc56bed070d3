using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumourBoard.Web.Data;

namespace TumourBoard.Web.Infrastructure;

public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<TumourBoardDbContext>>().CreateDbContextAsync();
            await db.Database.MigrateAsync();
        }
        // Instances starting together seed one after the other; each finds what the previous one created.
        await using var lockDb = await services.GetRequiredService<IDbContextFactory<TumourBoardDbContext>>().CreateDbContextAsync();
        await lockDb.Database.OpenConnectionAsync();
        await lockDb.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(74200)");
        try
        {
            await services.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
            if (services.GetRequiredService<IOptions<SeedOptions>>().Value.DemoData)
                await services.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        finally
        {
            await lockDb.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(74200)");
        }
    }
}
