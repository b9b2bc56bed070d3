using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TumourBoard.Domain;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Diagnoses;
using TumourBoard.Domain.FollowUps;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Domain.Reporting;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Localization;

namespace TumourBoard.Web.Features.Statistics;

/// <summary>The board's figures for the coordinators, counted in the database over a period, and their CSV exports.</summary>
public sealed class BoardFiguresService(IDbContextFactory<TumourBoardDbContext> dbFactory, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> L)
{
    public async Task<BoardFigures> FiguresAsync(Actor actor, ReportingPeriod period, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeBoardFigures(actor));
        var (start, end) = (period.StartUtc, period.EndUtc);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var centres = await db.Centres.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Code, c.Name, c.IsActive }).ToListAsync(ct);

        var submitted = await db.Cases.AsNoTracking()
            .Where(c => c.SubmittedAtUtc >= start && c.SubmittedAtUtc < end)
            .Select(c => new { c.CentreId, c.Iccc3Group })
            .ToListAsync(ct);
        var perCentre = centres
            .Where(c => c.IsActive || submitted.Any(s => s.CentreId == c.Id))
            .Select(c => new FigureRow(c.Code, c.Name, submitted.Count(s => s.CentreId == c.Id)))
            .ToList();
        var perGroup = Iccc3.Groups
            .Select(g => new FigureRow(g.Numeral, $"{g.Numeral} {g.Name}", submitted.Count(s => s.Iccc3Group == g.Numeral)))
            .Append(new FigureRow("", L["Figures.NotCoded"], submitted.Count(s => s.Iccc3Group is null or "")))
            .Where(r => r.Count > 0 || r.Code != "")
            .ToList();

        var recommendations = await db.AgendaItems.AsNoTracking()
            .Where(i => i.Recommendation != null && i.Recommendation.RecordedAtUtc >= start && i.Recommendation.RecordedAtUtc < end)
            .Select(i => new
            {
                i.CaseId, i.Recommendation!.RecordedAtUtc, i.Recommendation.Consensus, i.Recommendation.QuorumMet, i.Recommendation.TrialReferral,
                SubmittedAtUtc = db.Cases.Where(c => c.Id == i.CaseId).Select(c => c.SubmittedAtUtc).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var delays = DurationSummary.Of(recommendations.Where(r => r.SubmittedAtUtc is not null)
            .Select(r => BoardTime.DateOf(r.RecordedAtUtc).DayNumber - BoardTime.DateOf(r.SubmittedAtUtc!.Value).DayNumber));
        var byConsensus = Enum.GetValues<Consensus>()
            .Select(c => new FigureRow(c.ToString(), L[$"Consensus.{c}"], recommendations.Count(r => r.Consensus == c)))
            .ToList();
        var referrals = recommendations.Where(r => !string.IsNullOrEmpty(r.TrialReferral))
            .GroupBy(r => r.TrialReferral!)
            .Select(g => new FigureRow(g.Key, g.Key, g.Count()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();

        var held = await db.Meetings.AsNoTracking()
            .Where(m => m.StartedAtUtc >= start && m.StartedAtUtc < end && m.Status != MeetingStatus.Cancelled)
            .Select(m => m.Id)
            .ToListAsync(ct);
        var attended = await db.Attendances.AsNoTracking()
            .Where(a => held.Contains(a.MeetingId) && a.CentreId != null)
            .Select(a => new { a.MeetingId, CentreId = a.CentreId!.Value })
            .Distinct()
            .ToListAsync(ct);
        var attendance = centres
            .Where(c => c.IsActive || attended.Any(a => a.CentreId == c.Id))
            .Select(c => new AttendanceRow(c.Code, c.Name, attended.Count(a => a.CentreId == c.Id), held.Count))
            .ToList();

        // The follow-up of the period's recommendations, as it stands today.
        var caseIds = recommendations.Select(r => r.CaseId).ToList();
        var followUps = await FollowUps.FollowUpService.OfCasesAsync(db, caseIds, ct);
        var today = BoardTime.DateOf(time.GetUtcNow().UtcDateTime);
        var states = recommendations.Select(r => FollowUpStanding.Of(followUps.GetValueOrDefault(r.CaseId), BoardTime.DateOf(r.RecordedAtUtc), today)).ToList();
        var implementation = Enum.GetValues<ImplementationOutcome>()
            .Select(o => new FigureRow(o.ToString(), L[$"FollowUp.Outcome.{o}"], states.Count(s => s.Implementation == o)))
            .Append(new FigureRow(BoardFigures.NotYetReported, L["Figures.NotYetReported"], states.Count(s => s.Implementation is null)))
            .ToList();

        return new BoardFigures(period, perCentre, perGroup, delays, byConsensus, recommendations.Count(r => !r.QuorumMet), referrals, attendance,
            implementation, states.Count(s => s.IsComplete), states.Count(s => s.IsOverdue));
    }

    /// <summary>One figure as a CSV file for spreadsheets (semicolons, UTF-8 with a byte order mark, decision 0035); the export is audited.</summary>
    public async Task<byte[]> ExportCsvAsync(Actor actor, string figure, ReportingPeriod period, CancellationToken ct = default)
    {
        if (!Figures.All.Contains(figure))
            throw new DomainException("Figures.NotFound", "There is no such figure.");
        var figures = await FiguresAsync(actor, period, ct);
        await audit.RecordAsync(actor, "figures.export", "figure", figure, ct: ct);
        var (from, to) = (Iso(period.From), Iso(period.To));
        return figure switch
        {
            Figures.CasesPerCentre => Counts(["from", "to", "centre", "centre_name", "cases_submitted"], figures.CasesPerCentre),
            Figures.CasesPerIccc3Group => Counts(["from", "to", "iccc3_group", "iccc3_group_name", "cases_submitted"], figures.CasesPerIccc3Group),
            Figures.Consensus => Counts(["from", "to", "consensus", "consensus_label", "recommendations"], figures.RecommendationsByConsensus),
            Figures.TrialReferrals => Counts(["from", "to", "trial", "trial_label", "referrals"], figures.TrialReferrals),
            Figures.FollowUp => Counts(["from", "to", "implementation", "implementation_label", "recommendations"], figures.FollowUpImplementation),
            Figures.SubmissionToRecommendation => Csv.Document(
                ["from", "to", "days_from", "days_to", "cases"],
                figures.SubmissionToRecommendation.Bands.Select(b => new[] { from, to, Number(b.FromDays), b.ToDays is { } d ? Number(d) : "", Number(b.Count) }), ';'),
            _ => Csv.Document(
                ["from", "to", "centre", "centre_name", "meetings_attended", "meetings_held"],
                figures.Attendance.Select(a => new[] { from, to, a.CentreCode, a.CentreName, Number(a.MeetingsAttended), Number(a.MeetingsHeld) }), ';'),
        };

        byte[] Counts(string[] header, IEnumerable<FigureRow> rows) =>
            Csv.Document(header, rows.Select(r => new[] { from, to, r.Code, r.Label, Number(r.Count) }), ';');
    }


    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
