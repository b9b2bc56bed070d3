using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.FollowUps;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.People;
using TumourBoard.Domain.Reporting;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Features.Exports;

/// <summary>One discussed case as the registry export writes it: pseudonymous, coded, with the board's recommendation.</summary>
public sealed record RegistryRow(
    string CaseCode, string Centre, Sex Sex, int AgeYears, int AgeMonths, int? DiagnosisYear, int? DiagnosisMonth,
    string? Morphology, string? Topography, string? Iccc3Group, string? Iccc3Subgroup, DiseaseStatus DiseaseStatus, string? Stage,
    DateTime SubmittedAtUtc, DateTime MeetingStartsAtUtc, DateTime RecommendedAtUtc, string Recommendation, Consensus Consensus,
    bool QuorumMet, string? TrialReferral, FollowUpColumns FollowUp);

/// <summary>What the centre reported after the discussion, and where its follow-up stands today.</summary>
public sealed record FollowUpColumns(
    ImplementationOutcome? Implementation, NotImplementedReason? NotImplementedReason,
    TreatmentResponse? Response3Months, TreatmentResponse? Response6Months, TreatmentResponse? Response12Months, string State)
{
    public static FollowUpColumns Of(CaseFollowUp? followUp, DateOnly discussedOn, DateOnly today)
    {
        var implementation = followUp?.Current(Milestone.Implementation);
        return new FollowUpColumns(implementation?.Outcome, implementation?.Reason,
            followUp?.Current(Milestone.Response3Months)?.Response, followUp?.Current(Milestone.Response6Months)?.Response,
            followUp?.Current(Milestone.Response12Months)?.Response, FollowUpStanding.Of(followUp, discussedOn, today).MostPressing);
    }
}

/// <summary>
/// The discussed cases of a period as one CSV file for the centres' cancer-registry work (columns in
/// docs/exports.md): pseudonymous (the case code, never the local reference), with the coded diagnosis, the
/// recommendation and its consensus, the trial referral, and what the centre reported since.
/// </summary>
public sealed class RegistryExportService(IDbContextFactory<TumourBoardDbContext> dbFactory, AuditTrail audit, TimeProvider time)
{
    public static readonly string[] Columns =
    [
        "case_code", "centre", "sex", "age_years", "age_months", "incidence_month", "icd_o3_morphology", "icd_o3_topography",
        "iccc3_group", "iccc3_subgroup", "disease_status", "stage", "submitted_on", "meeting_date", "recommended_on",
        "recommendation", "consensus", "quorum_met", "trial_referral", "implementation", "not_implemented_reason",
        "response_3_months", "response_6_months", "response_12_months", "follow_up",
    ];

    /// <summary>The centres whose cases the actor may export.</summary>
    public async Task<IReadOnlyList<Api.CentreItem>> CentresAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var centres = await db.Centres.AsNoTracking().OrderBy(c => c.Code).Select(c => new Api.CentreItem(c.Id, c.Code, c.Name)).ToListAsync(ct);
        return centres.Where(c => Access.CanExportRegistry(actor, c.Id)).ToList();
    }

    /// <summary>
    /// The cases whose recommendation was recorded in the period, of one centre (the caller's own unless a
    /// coordinator asks for another or, leaving it out, for all).
    /// </summary>
    public async Task<IReadOnlyList<RegistryRow>> RowsAsync(Actor actor, ReportingPeriod period, string? centreCode, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var centreId = await CentreAsync(db, actor, centreCode, ct);
        var (start, end) = (period.StartUtc, period.EndUtc);
        var rows = await (
            from i in db.AgendaItems.AsNoTracking()
            where i.Recommendation != null && i.Recommendation.RecordedAtUtc >= start && i.Recommendation.RecordedAtUtc < end
            join c in db.Cases.AsNoTracking() on i.CaseId equals c.Id
            where centreId == null || c.CentreId == centreId
            join m in db.Meetings.AsNoTracking() on i.MeetingId equals m.Id
            orderby i.Recommendation!.RecordedAtUtc, c.Code
            select new
            {
                CaseId = c.Id, c.Code, Centre = db.Centres.Where(x => x.Id == c.CentreId).Select(x => x.Code).First(), c.Sex, c.AgeYears, c.AgeMonths,
                c.DiagnosisYear, c.DiagnosisMonth, c.Morphology, c.Topography, c.Iccc3Group, c.Iccc3Subgroup, c.DiseaseStatus, c.Stage,
                c.SubmittedAtUtc, m.StartsAtUtc, i.Recommendation!.RecordedAtUtc, i.Recommendation.OptionId, i.Recommendation.Text,
                i.Recommendation.Consensus, i.Recommendation.QuorumMet, i.Recommendation.TrialReferral,
                OptionLabel = db.Set<TreatmentOption>().Where(o => o.Id == i.Recommendation!.OptionId).Select(o => o.Label).FirstOrDefault(),
            }).ToListAsync(ct);
        var caseIds = rows.Select(r => r.CaseId).ToList();
        var followUps = await FollowUps.FollowUpService.OfCasesAsync(db, caseIds, ct);
        var today = BoardTime.DateOf(time.GetUtcNow().UtcDateTime);
        return rows.Select(r => new RegistryRow(r.Code, r.Centre, r.Sex, r.AgeYears, r.AgeMonths, r.DiagnosisYear, r.DiagnosisMonth,
            r.Morphology, r.Topography, r.Iccc3Group, r.Iccc3Subgroup, r.DiseaseStatus, r.Stage, r.SubmittedAtUtc ?? r.RecordedAtUtc, r.StartsAtUtc,
            r.RecordedAtUtc, string.Join(" — ", new[] { r.OptionLabel, r.Text }.Where(t => !string.IsNullOrWhiteSpace(t))),
            r.Consensus, r.QuorumMet, r.TrialReferral,
            FollowUpColumns.Of(followUps.GetValueOrDefault(r.CaseId), BoardTime.DateOf(r.RecordedAtUtc), today))).ToList();
    }

    /// <summary>The export as CSV for spreadsheets (semicolons, UTF-8 with a byte order mark, decision 0035); audited.</summary>
    public async Task<byte[]> ExportCsvAsync(Actor actor, ReportingPeriod period, string? centreCode, CancellationToken ct = default)
    {
        var rows = await RowsAsync(actor, period, centreCode, ct);
        await audit.RecordAsync(actor, "registry.export", "centre", centreCode ?? (actor.IsCoordinator ? "all" : actor.CentreId?.ToString(CultureInfo.InvariantCulture)), ct: ct);
        return Csv.Document(Columns, rows.Select(Cells), ';');
    }

    private static string?[] Cells(RegistryRow r) =>
    [
        r.CaseCode, r.Centre, r.Sex.ToString(), Number(r.AgeYears), Number(r.AgeMonths),
        r.DiagnosisYear is { } y ? (r.DiagnosisMonth is { } m ? $"{y:0000}-{m:00}" : $"{y:0000}") : null,
        r.Morphology, r.Topography, r.Iccc3Group, r.Iccc3Subgroup, r.DiseaseStatus.ToString(), r.Stage,
        Day(r.SubmittedAtUtc), Day(r.MeetingStartsAtUtc), Day(r.RecommendedAtUtc), r.Recommendation, r.Consensus.ToString(),
        r.QuorumMet ? "yes" : "no", r.TrialReferral, r.FollowUp.Implementation?.ToString(), r.FollowUp.NotImplementedReason?.ToString(),
        r.FollowUp.Response3Months?.ToString(), r.FollowUp.Response6Months?.ToString(), r.FollowUp.Response12Months?.ToString(), r.FollowUp.State,
    ];

    private static async Task<int?> CentreAsync(TumourBoardDbContext db, Actor actor, string? centreCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(centreCode))
        {
            Access.Demand(Access.CanExportRegistry(actor, actor.IsCoordinator ? null : actor.CentreId));
            return actor.IsCoordinator ? null : actor.CentreId;
        }
        var code = centreCode.Trim().ToUpperInvariant();
        var centreId = await db.Centres.Where(c => c.Code == code).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("Centre.NotFound", "There is no centre with this code.");
        Access.Demand(Access.CanExportRegistry(actor, centreId));
        return centreId;
    }


    private static string Day(DateTime utc) => BoardTime.DateOf(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
