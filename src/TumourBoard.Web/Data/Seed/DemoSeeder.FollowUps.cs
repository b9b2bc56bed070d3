using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.FollowUps;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.LiveBoard;

namespace TumourBoard.Web.Data;

public sealed partial class DemoSeeder
{
    /// <summary>The title of the demo meeting held twenty weeks before last week's; its presence tells that the follow-ups were seeded.</summary>
    public const string EarlierMeetingTitle = "Neuroblastoma and renal tumour board";

    /// <summary>
    /// Follow-ups with real figures for the dashboard and the next agenda. Twenty weeks before last week's meeting the
    /// board discussed three cases: UZL reported one implemented with its 3-month response (three days ago), and one not
    /// implemented whose 3-month response is overdue; UZB reported an implementation and corrected it to an enrolment in
    /// the referred trial, then its 3-month response. Of last week's cases, CUSL reported yesterday and UZL's is due.
    /// </summary>
    private async Task EnsureFollowUpsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Meetings.AnyAsync(m => m.Title == EarlierMeetingTitle, ct))
            return;
        var lastWeek = await db.Meetings.Include(m => m.Items).SingleOrDefaultAsync(m => m.Title == HeldMeetingTitle, ct);
        if (lastWeek is null)
            return;
        var emails = new[] { "coordinator", "clinician.uzl", "clinician.uzb", "clinician.uzg", "clinician.cusl", "datamanager.uzl", "datamanager.uzb" }
            .Select(n => $"{n}@{Domain}").ToList();
        var people = await db.Users.Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email![..u.Email!.IndexOf('@')], ct);
        var (coordinator, uzl, uzb) = (people["coordinator"], people["clinician.uzl"], people["clinician.uzb"]);
        var now = time.GetUtcNow().UtcDateTime;
        var start = BoardTime.ToUtc(BoardTime.DateOf(lastWeek.StartsAtUtc).AddDays(-140), new TimeOnly(12, 30));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var discussed = new List<(PatientCase Case, int Winner)>();
        foreach (var (presenter, winner, content) in new[]
        {
            (uzl, 0, new CaseContent
            {
                AgeYears = 3, AgeMonths = 2, Sex = Sex.Female, DiagnosisLabel = "High-risk neuroblastoma, MYCN amplified", Morphology = "9500/3", Topography = "C74.9",
                DiseaseStatus = DiseaseStatus.NewDiagnosis, Stage = "INRG stage M",
                Question = "Induction per the standard protocol, or induction with the targeted agent of the phase II trial?",
                Options = [new OptionContent("Standard induction"), new OptionContent("Induction within the phase II trial", null, "NCT05123456")],
                ConsentConfirmed = true, PresenterId = uzl.Id,
            }),
            (uzl, 0, new CaseContent
            {
                AgeYears = 6, AgeMonths = 5, Sex = Sex.Male, DiagnosisLabel = "Wilms tumour, second relapse", Morphology = "8960/3", Topography = "C64.9",
                DiseaseStatus = DiseaseStatus.Relapse, Stage = "Pulmonary and hepatic metastases",
                Question = "ICE chemotherapy followed by high-dose chemotherapy with stem cell rescue, or the phase I/II trial?",
                Options = [new OptionContent("ICE, then high-dose chemotherapy with stem cell rescue"), new OptionContent("Phase I/II trial", null, "NCT05234567")],
                ConsentConfirmed = true, PresenterId = uzl.Id,
            }),
            (uzb, 1, new CaseContent
            {
                AgeYears = 1, AgeMonths = 9, Sex = Sex.Male, DiagnosisLabel = "Hepatoblastoma, PRETEXT III", Morphology = "8970/3", Topography = "C22.0",
                DiseaseStatus = DiseaseStatus.NewDiagnosis,
                Question = "Cisplatin and resection per the standard arm, or the randomised phase III trial?",
                Options = [new OptionContent("Cisplatin, then resection"), new OptionContent("Within the phase III trial", null, "NCT05345678")],
                ConsentConfirmed = true, PresenterId = uzb.Id,
            }),
        })
        {
            discussed.Add((await ScheduledCaseAsync(db, presenter, coordinator.Id, content, start.AddDays(-9), start.AddDays(-5), BoardTime.ToLocal(start).Year, ct), winner));
        }
        db.Cases.AddRange(discussed.Select(d => d.Case));
        var meeting = Meeting.Extra(start, 60, EarlierMeetingTitle, BoardLanguage.English, null, coordinator.Id);
        meeting.AssignRoles(coordinator.Id, people["datamanager.uzl"].Id);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);

        foreach (var (@case, _) in discussed)
            meeting.AddCase(@case.Id, 15, @case.PresenterId);
        await db.SaveChangesAsync(ct);
        meeting.PublishAgenda(start.AddDays(-5));
        meeting.Start(start.AddMinutes(1));
        var voters = new[] { coordinator, uzl, uzb, people["clinician.uzg"], people["clinician.cusl"] };
        var present = voters.Select(v => (User: v, Role: v == coordinator ? Roles.Coordinator : Roles.Clinician)).Append((User: people["datamanager.uzl"], Role: Roles.DataManager)).ToList();
        db.Attendances.AddRange(present.Select(p => new Attendance(meeting.Id, p.User.Id, p.Role, p.User.CentreId, p.User.Discipline, start)));
        var quorum = QuorumState.Of(meeting.Quorum, present.Select(p => new Participant(p.User.Id, p.Role, p.User.CentreId, p.User.Discipline)));
        var at = start.AddMinutes(1);
        foreach (var (item, (@case, winner)) in meeting.Items.Zip(discussed))
        {
            var options = @case.Options.OrderBy(o => o.Position).ToList();
            meeting.MoveTo(item.Id, at);
            meeting.OpenVoting(item.Id, at.AddMinutes(10));
            var votes = voters.Select((v, i) => new Vote(item.Id, v.Id, v.CentreId, options[i == 4 ? 1 - winner : winner].Id, at.AddMinutes(11))).ToList();
            db.Votes.AddRange(votes);
            var tally = Tally.Compute(options.Select(o => o.Id), votes.Select(v => new CastVote(v.VoterId, v.CentreId, v.OptionId)).ToList());
            meeting.CloseVoting(item.Id, tally, at.AddMinutes(12));
            var chosen = options[winner];
            meeting.RecordRecommendation(item.Id, Recommendation.Create(chosen.Id, null, "Consistent with the protocol for this risk group and the centres' experience.",
                tally.SuggestedConsensus(), null, chosen.Trial, quorum.IsMet, coordinator.Id, at.AddMinutes(14)), at.AddMinutes(14));
            @case.MarkDiscussed(coordinator.Id, at.AddMinutes(14));
            at = at.AddMinutes(15);
        }
        meeting.Close(at, LiveBoardService.NotReachedReason);
        foreach (var attendance in db.Attendances.Local)
            attendance.Leave(at);
        await db.SaveChangesAsync(ct);

        var (neuroblastoma, wilms, hepatoblastoma) = (discussed[0].Case, discussed[1].Case, discussed[2].Case);
        var followUps = meeting.Items.Select(i => CaseFollowUp.Start(i.CaseId, discussed.Single(d => d.Case.Id == i.CaseId).Case.CentreId, i.Id,
            BoardTime.DateOf(i.Recommendation!.RecordedAtUtc), i.Recommendation.TrialReferral, i.Recommendation.RecordedAtUtc)).ToDictionary(f => f.CaseId);
        var threeMonths = FollowUpSchedule.DatesOf(Milestone.Response3Months, BoardTime.DateOf(start));
        void Report(CaseFollowUp followUp, Guid by, DateTime atUtc, FollowUpReport report) => followUp.Record(report, by, atUtc, BoardTime.DateOf(atUtc));

        Report(followUps[neuroblastoma.Id], people["datamanager.uzl"].Id, start.AddDays(12), new() { Implementation = new(ImplementationOutcome.Implemented, null, null) });
        Report(followUps[neuroblastoma.Id], uzl.Id, now.AddDays(-3), new()
        {
            Responses = [new ResponseReport(Milestone.Response3Months, TreatmentResponse.PartialResponse, threeMonths.DueOn.AddDays(-5))],
        });
        Report(followUps[wilms.Id], uzl.Id, start.AddDays(20), new()
        {
            Implementation = new(ImplementationOutcome.NotImplemented, NotImplementedReason.ClinicalChange,
                "Rapid progression before the start of ICE; palliative care chosen together with the family."),
        });
        Report(followUps[hepatoblastoma.Id], people["datamanager.uzb"].Id, start.AddDays(14), new() { Implementation = new(ImplementationOutcome.Implemented, null, null) });
        Report(followUps[hepatoblastoma.Id], people["datamanager.uzb"].Id, start.AddDays(16), new()
        {
            Implementation = new(ImplementationOutcome.EnrolledInTrial, null, null),
            CorrectionReason = "Enrolment confirmed by the trial centre after screening.",
        });
        Report(followUps[hepatoblastoma.Id], uzb.Id, threeMonths.DueOn.AddDays(10).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc), new()
        {
            Responses = [new ResponseReport(Milestone.Response3Months, TreatmentResponse.StableDisease, threeMonths.DueOn.AddDays(2))],
        });

        // Last week: the CUSL case reported yesterday, the UZL case still due.
        var cuslCentre = people["clinician.cusl"].CentreId;
        var lastWeekCases = lastWeek.Items.Where(i => i.Status == AgendaItemStatus.Discussed).Select(i => i.CaseId).ToList();
        var cuslCase = await db.Cases.Where(c => lastWeekCases.Contains(c.Id) && c.CentreId == cuslCentre).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        var cuslItem = lastWeek.Items.FirstOrDefault(i => i.CaseId == cuslCase);
        if (cuslItem?.Recommendation is { } cuslRecommendation && !await db.FollowUps.AnyAsync(f => f.CaseId == cuslItem.CaseId, ct))
        {
            var cusl = CaseFollowUp.Start(cuslItem.CaseId, people["clinician.cusl"].CentreId!.Value, cuslItem.Id, BoardTime.DateOf(cuslRecommendation.RecordedAtUtc),
                cuslRecommendation.TrialReferral, cuslRecommendation.RecordedAtUtc);
            Report(cusl, people["clinician.cusl"].Id, now.AddDays(-1), new() { Implementation = new(ImplementationOutcome.Implemented, null, null) });
            followUps[cusl.CaseId] = cusl;
        }
        db.FollowUps.AddRange(followUps.Values);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
