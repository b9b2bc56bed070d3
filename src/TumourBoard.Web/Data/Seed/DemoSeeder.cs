using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Meetings;
using TumourBoard.Web.Features.Tokens;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Data;

/// <summary>Demo accounts, the weekly schedule and the next meetings, for Development. Safe to run at every start.</summary>
public sealed class DemoSeeder(
    IDbContextFactory<TumourBoardDbContext> dbFactory,
    UserManager<AppUser> userManager,
    IOptions<SeedOptions> options,
    MeetingService meetings,
    TimeProvider time)
{
    public const string Domain = "demo.tumourboard.be";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        var password = options.Value.DemoPassword;
        if (string.IsNullOrWhiteSpace(password))
            throw new InvalidOperationException("Seed:DemoData is on but Seed:DemoPassword is not set.");

        List<(int Id, string Code, BoardLanguage Language)> centres;
        // Demo accounts exist for the reference centres only, not for centres an Admin adds later.
        var referenceCodes = ReferenceDataSeeder.ReadCentres().Select(c => c.Code).ToList();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            centres = (await db.Centres.Where(c => referenceCodes.Contains(c.Code)).OrderBy(c => c.Id).Select(c => new { c.Id, c.Code, c.Language }).ToListAsync(ct))
                .Select(c => (c.Id, c.Code, c.Language)).ToList();

        var firstCentre = centres[0];
        await EnsureUserAsync($"coordinator@{Domain}", "Coordinator", null, Discipline.PaediatricOncology, BoardLanguage.English, Roles.Coordinator, password);
        await EnsureUserAsync($"admin@{Domain}", "Administrator", null, Discipline.Other, BoardLanguage.English, Roles.Admin, password);
        await EnsureUserAsync($"observer@{Domain}", $"Observer {firstCentre.Code}", firstCentre.Id, Discipline.Nursing, firstCentre.Language, Roles.Observer, password);
        var index = 0;
        foreach (var (id, code, language) in centres)
        {
            var discipline = index++ % 2 == 0 ? Discipline.PaediatricOncology : Discipline.PaediatricHaematology;
            var local = code.ToLowerInvariant();
            await EnsureUserAsync($"clinician.{local}@{Domain}", $"Clinician {code}", id, discipline, language, Roles.Clinician, password);
            await EnsureUserAsync($"datamanager.{local}@{Domain}", $"Data manager {code}", id, Discipline.DataManagement, language, Roles.DataManager, password);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.WeeklySchedules.AnyAsync(ct))
            {
                var coordinator = await db.Users.SingleAsync(u => u.Email == $"coordinator@{Domain}", ct);
                db.WeeklySchedules.Add(new WeeklySchedule(DayOfWeek.Tuesday, new TimeOnly(12, 30), 90, BoardLanguage.English, "https://meet.example.org/bspho-tumour-board", coordinator.Id));
                await db.SaveChangesAsync(ct);
            }
        }
        await meetings.EnsureWeeklyMeetingsAsync(time.GetUtcNow().UtcDateTime, ct);
    }

    private async Task EnsureUserAsync(string email, string name, int? centreId, Discipline discipline, BoardLanguage language, string role, string password)
    {
        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser(email, name, centreId, discipline, language, time.GetUtcNow().UtcDateTime);
            Check(await userManager.CreateAsync(user, password));
            Check(await userManager.AddToRoleAsync(user, role));
        }
        await EnsureDemoTokenAsync(user, DemoToken(email));
    }

    /// <summary>The demo API token of a demo account: demo-&lt;local part of the e-mail&gt;.</summary>
    public static string DemoToken(string email) => "demo-" + email[..email.IndexOf('@')];

    private async Task EnsureDemoTokenAsync(AppUser user, string value)
    {
        var hash = PersonalAccessToken.HashOf(value);
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await db.AccessTokens.AnyAsync(t => t.Hash == hash))
            return;
        db.AccessTokens.Add(new PersonalAccessToken(user.Id, "Demo token", hash, value.Length > 10 ? value[..10] : value, time.GetUtcNow().UtcDateTime, null));
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
