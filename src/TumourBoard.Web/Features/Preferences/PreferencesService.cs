using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;

namespace TumourBoard.Web.Features.Preferences;

/// <summary>A user's own choices: language and theme.</summary>
public sealed class PreferencesService(IDbContextFactory<TumourBoardDbContext> dbFactory)
{
    public async Task ChooseLanguageAsync(Guid userId, BoardLanguage language, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new AccessDeniedException();
        user.ChooseLanguage(language);
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> PrefersDarkThemeAsync(Guid userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.PrefersDarkTheme).SingleOrDefaultAsync(ct);
    }

    public async Task ChooseThemeAsync(Guid userId, bool dark, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
            return;
        user.ChooseTheme(dark);
        await db.SaveChangesAsync(ct);
    }
}
