using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Centres;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.People;

namespace TumourBoard.Web.Data;

/// <summary>
/// Roles and the recognised centres, in every environment, idempotently. Public sources confirm seven of the eight
/// centres (docs/reference-data.md); an Admin adds the eighth.
/// </summary>
public sealed class ReferenceDataSeeder(IDbContextFactory<TumourBoardDbContext> dbFactory, RoleManager<IdentityRole<Guid>> roleManager)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
                await roleManager.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var known = await db.Centres.Select(c => c.Code).ToListAsync(ct);
        foreach (var centre in ReadCentres().Where(c => !known.Contains(c.Code)))
            db.Centres.Add(centre);
        await db.SaveChangesAsync(ct);
    }

    public static IReadOnlyList<Centre> ReadCentres()
    {
        using var stream = typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream("TumourBoard.Web.Data.Seed.centres.csv")
            ?? throw new InvalidOperationException("centres.csv is not embedded.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var centres = new List<Centre>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            centres.Add(new Centre(f[0], f[1], f[2], BoardLanguages.FromCultureName(f[3])));
        }
        return centres;
    }
}
