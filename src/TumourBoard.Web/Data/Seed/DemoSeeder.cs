using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Trials;
using TumourBoard.Web.Features.Trials;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.LiveBoard;
using TumourBoard.Web.Features.Meetings;
using TumourBoard.Web.Features.Tokens;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Data;

/// <summary>
/// Demo accounts, the weekly schedule and the next meetings, one meeting held last week whose minutes are a draft, and
/// follow-ups of earlier recommendations, for Development. Safe to run at every start.
/// </summary>
public sealed partial class DemoSeeder(
    IDbContextFactory<TumourBoardDbContext> dbFactory,
    UserManager<AppUser> userManager,
    IOptions<SeedOptions> options,
    MeetingService meetings,
    TimeProvider time)
{
    public const string Domain = "demo.tumourboard.be";

    /// <summary>The title of the demo meeting already held; its presence tells that it was seeded.</summary>
    public const string HeldMeetingTitle = "Sarcoma and bone tumour board";

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
        await EnsureTrialsAsync(ct);
        await EnsureHeldMeetingAsync(ct);
        await EnsureFollowUpsAsync(ct);
    }

    /// <summary>
    /// A small catalogue of fictional early-phase trials (their numbers have the right shape and belong to no real
    /// trial), open, suspended and closed, so that the demo cases show matches and the held meeting a linked referral.
    /// </summary>
    private async Task EnsureTrialsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Trials.AnyAsync(ct))
            return;
        var centres = await db.Centres.ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        const string contact = "Demo data, fictional trial: trials@demo.tumourboard.be";
        TrialContent Trial(string? euCt, string? nct, string title, TrialPhase phase, TrialStatus status, (int, int) from, (int, int) to,
            string[] iccc3, string[] morphology, string[] markers, string[] sites) => new()
        {
            EuCtNumber = euCt, NctNumber = nct, Title = title, Phase = phase, Status = status,
            MinAgeYears = from.Item1, MinAgeMonths = from.Item2, MaxAgeYears = to.Item1, MaxAgeMonths = to.Item2,
            Iccc3Codes = iccc3, MorphologyCodes = morphology, Markers = markers, SiteCentreIds = sites.Select(code => centres[code]).ToList(), Contact = contact,
        };
        var now = time.GetUtcNow().UtcDateTime;
        db.Trials.AddRange(new[]
        {
            Trial("2023-500812-37-00", "NCT04567890", "Maintenance with a multi-kinase inhibitor after complete resection of relapsed osteosarcoma",
                TrialPhase.II, TrialStatus.Open, (6, 0), (29, 11), ["VIIIa"], ["9180/3"], [], ["UZL", "UZG", "CUSL", "HUDERF"]),
            Trial("2024-512345-18-00", "NCT06123456", "Vinorelbine with a WEE1 inhibitor in relapsed or refractory rhabdomyosarcoma",
                TrialPhase.IAndII, TrialStatus.Open, (1, 0), (21, 11), ["IXa"], [], [], ["UZL", "UZA", "CUSL"]),
            Trial(null, "NCT05876543", "ALK inhibitor with chemotherapy in ALK-aberrant relapsed neuroblastoma",
                TrialPhase.IAndII, TrialStatus.Open, (1, 0), (17, 11), ["IVa"], [], ["ALK"], ["UZG", "HUDERF"]),
            Trial("2023-504411-29-00", null, "Next-generation TRK inhibitor in NTRK fusion-positive solid tumours",
                TrialPhase.II, TrialStatus.Open, (0, 1), (17, 11), ["III", "IV", "VI", "VIII", "IX"], [], ["NTRK fusion"], ["UZL", "SUHOPL"]),
            Trial(null, "NCT05234567", "Menin inhibitor in relapsed KMT2A-rearranged acute leukaemia",
                TrialPhase.I, TrialStatus.Suspended, (0, 3), (21, 11), ["Ia", "Ib"], [], ["KMT2A rearrangement"], ["UZL", "UZB"]),
            Trial("2022-500377-41-00", "NCT05011223", "Targeted radionuclide therapy in relapsed Wilms tumour",
                TrialPhase.IAndII, TrialStatus.Closed, (2, 0), (18, 0), ["VIa.1"], ["8960/3"], [], ["UZG", "CUSL"]),
        }.Select(content => ClinicalTrial.Register(content, now)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A meeting held a week ago, as the room would have recorded it: two cases presented, voted on and recommended with
    /// the quorum met, the meeting closed and its minutes drafted, with the discussion of the first case written.
    /// </summary>
    private async Task EnsureHeldMeetingAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Meetings.AnyAsync(m => m.Title == HeldMeetingTitle, ct))
            return;
        var emails = new[] { "coordinator", "clinician.uzl", "clinician.uzg", "clinician.cusl", "datamanager.uzl" }.Select(n => $"{n}@{Domain}").ToList();
        var people = await db.Users.Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email![..u.Email!.IndexOf('@')], ct);
        var (coordinator, uzl, uzg, cusl) = (people["coordinator"], people["clinician.uzl"], people["clinician.uzg"], people["clinician.cusl"]);

        var now = time.GetUtcNow().UtcDateTime;
        // Tuesday of last week, the weekly meeting's day.
        var today = DateOnly.FromDateTime(BoardTime.ToLocal(now));
        var day = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7) - 7);
        var start = BoardTime.ToUtc(day, new TimeOnly(12, 30));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cases = new List<PatientCase>();
        foreach (var (presenter, content) in new[]
        {
            (uzl, new CaseContent
            {
                AgeYears = 14, AgeMonths = 3, Sex = Sex.Male, DiagnosisLabel = "Osteosarcoma of the distal femur, pulmonary relapse", Morphology = "9180/3", Topography = "C40.2",
                DiseaseStatus = DiseaseStatus.Relapse, Stage = "Two pulmonary nodules, right lung",
                History = "Relapse eighteen months after the end of first-line treatment; poor histological response at primary surgery.",
                Question = "Metastasectomy alone, or metastasectomy followed by maintenance within the open phase II trial?",
                Options = [new OptionContent("Metastasectomy and close follow-up"), new OptionContent("Metastasectomy, then maintenance within the trial", null, "NCT04567890")],
                ConsentConfirmed = true, PresenterId = uzl.Id,
            }),
            (cusl, new CaseContent
            {
                AgeYears = 9, AgeMonths = 8, Sex = Sex.Female, DiagnosisLabel = "Embryonal rhabdomyosarcoma of the bladder and prostate region", Morphology = "8910/3", Topography = "C67.9",
                DiseaseStatus = DiseaseStatus.NewDiagnosis, Stage = "IRS group III",
                Question = "Local treatment after induction: surgery alone, or radiotherapy with delayed surgery?",
                Options = [new OptionContent("Conservative surgery"), new OptionContent("Radiotherapy, then surgery if residual disease")],
                ConsentConfirmed = true, PresenterId = cusl.Id,
            }),
        })
        {
            cases.Add(await ScheduledCaseAsync(db, presenter, coordinator.Id, content, start.AddDays(-9), start.AddDays(-5), BoardTime.ToLocal(now).Year, ct));
        }
        db.Cases.AddRange(cases);
        var meeting = Meeting.Extra(start, 90, HeldMeetingTitle, BoardLanguage.English, null, coordinator.Id);
        meeting.AssignRoles(coordinator.Id, people["datamanager.uzl"].Id);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);

        foreach (var @case in cases)
            meeting.AddCase(@case.Id, 20, @case.PresenterId);
        await db.SaveChangesAsync(ct);
        meeting.PublishAgenda(start.AddDays(-5));
        meeting.Start(start.AddMinutes(2));
        var present = new[] { (coordinator, Roles.Coordinator), (uzl, Roles.Clinician), (uzg, Roles.Clinician), (cusl, Roles.Clinician), (people["datamanager.uzl"], Roles.DataManager) };
        db.Attendances.AddRange(present.Select(p => new Attendance(meeting.Id, p.Item1.Id, p.Item2, p.Item1.CentreId, p.Item1.Discipline, start.AddMinutes(1))));
        var quorum = QuorumState.Of(meeting.Quorum, present.Select(p => new Participant(p.Item1.Id, p.Item2, p.Item1.CentreId, p.Item1.Discipline)));
        var voters = new[] { coordinator, uzl, uzg, cusl };
        var at = start.AddMinutes(2);
        foreach (var (item, @case, choice) in meeting.Items.Zip(cases, [new[] { 1, 1, 1, 0 }, [1, 1, 0, 1]]))
        {
            var options = @case.Options.OrderBy(o => o.Position).ToList();
            meeting.MoveTo(item.Id, at);
            meeting.OpenVoting(item.Id, at.AddMinutes(12));
            var votes = voters.Zip(choice, (v, c) => new Vote(item.Id, v.Id, v.CentreId, options[c].Id, at.AddMinutes(13))).ToList();
            db.Votes.AddRange(votes);
            var tally = Tally.Compute(options.Select(o => o.Id), votes.Select(v => new CastVote(v.VoterId, v.CentreId, v.OptionId)).ToList());
            meeting.CloseVoting(item.Id, tally, at.AddMinutes(15));
            var chosen = options.Single(o => o.Id == tally.WinningOptionId);
            meeting.RecordRecommendation(item.Id, Recommendation.Create(chosen.Id, null,
                item.Position == 1 ? "Poor histological response at primary surgery; the trial offers maintenance to patients in second complete remission."
                    : "Radiotherapy preserves bladder function better than primary radical surgery at this age.",
                tally.SuggestedConsensus(), item.Position == 1 ? "One centre prefers follow-up alone until a second relapse." : null, chosen.Trial, quorum.IsMet, coordinator.Id, at.AddMinutes(17),
                await TrialService.CatalogueIdOfAsync(db, chosen.Trial, ct)), at.AddMinutes(17));
            @case.MarkDiscussed(coordinator.Id, at.AddMinutes(17));
            at = at.AddMinutes(20);
        }
        var closed = at.AddMinutes(1);
        meeting.Close(closed, LiveBoardService.NotReachedReason);
        foreach (var attendance in db.Attendances.Local)
            attendance.Leave(closed);
        var minutes = MeetingMinutes.Draft(meeting.Id, meeting.Items.Select(i => i.Id), closed);
        minutes.EditCase(meeting.Items[0].Id, "The board weighed the trial's eligibility window against the recovery time after surgery; "
            + "the surgeons expect both nodules to be resectable through one thoracotomy.",
            [new FollowUpAction("Send the trial's screening form to the trial centre", "UZL data manager", day.AddDays(14))], closed.AddHours(2));
        db.Minutes.Add(minutes);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A demo case as its presenter submitted it and the coordinator put it on an agenda, with the next code of <paramref name="year"/>.</summary>
    private static async Task<PatientCase> ScheduledCaseAsync(TumourBoardDbContext db, AppUser presenter, Guid scheduledBy, CaseContent content,
        DateTime submittedAtUtc, DateTime scheduledAtUtc, int year, CancellationToken ct)
    {
        var number = await db.Database.SqlQuery<int>(
            $"""INSERT INTO case_code_counters ("Year", "Last") VALUES ({year}, 1) ON CONFLICT ("Year") DO UPDATE SET "Last" = case_code_counters."Last" + 1 RETURNING "Last" AS "Value" """)
            .ToListAsync(ct);
        var @case = PatientCase.Draft(CaseCode.Format(year, number[0]), presenter.CentreId!.Value, presenter.Id, content, submittedAtUtc);
        @case.Submit(presenter.Id, submittedAtUtc);
        @case.Schedule(scheduledBy, scheduledAtUtc);
        return @case;
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
