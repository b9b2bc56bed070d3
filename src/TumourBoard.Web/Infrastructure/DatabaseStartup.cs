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
        await services.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        if (services.GetRequiredService<IOptions<SeedOptions>>().Value.DemoData)
            await services.GetRequiredService<DemoSeeder>().SeedAsync();
    }
}
