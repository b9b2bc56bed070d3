using TumourBoard.Domain.Reporting;

namespace TumourBoard.Web.Features.Statistics;

/// <summary>One bar of a figure: what is counted (a code, as exported), its label, and the count.</summary>
public sealed record FigureRow(string Code, string Label, int Count);

/// <summary>A centre's presence at the meetings held: at how many of them at least one of its members joined the room.</summary>
public sealed record AttendanceRow(string CentreCode, string CentreName, int MeetingsAttended, int MeetingsHeld)
{
    public double Rate => MeetingsHeld == 0 ? 0 : (double)MeetingsAttended / MeetingsHeld;
}

/// <summary>
/// The board's figures over a period: cases submitted (per centre, per ICCC-3 group), time from submission to the
/// recommendation, recommendations by consensus, trial referrals, attendance per centre, and the follow-up of the
/// recommendations (implementation reported, complete, overdue).
/// </summary>
public sealed record BoardFigures(
    ReportingPeriod Period,
    IReadOnlyList<FigureRow> CasesPerCentre,
    IReadOnlyList<FigureRow> CasesPerIccc3Group,
    DurationSummary SubmissionToRecommendation,
    IReadOnlyList<FigureRow> RecommendationsByConsensus,
    int RecommendationsWithoutQuorum,
    IReadOnlyList<FigureRow> TrialReferrals,
    IReadOnlyList<AttendanceRow> Attendance,
    IReadOnlyList<FigureRow> FollowUpImplementation,
    int FollowUpsComplete,
    int FollowUpsOverdue)
{
    /// <summary>Of the recommendations whose implementation was reported, the share carried out or enrolled in the trial.</summary>
    public double? ImplementationRate
    {
        get
        {
            var reported = FollowUpImplementation.Where(r => r.Code != NotYetReported).Sum(r => r.Count);
            return reported == 0 ? null : (double)FollowUpImplementation.Where(r => r.Code is "Implemented" or "EnrolledInTrial").Sum(r => r.Count) / reported;
        }
    }

    public const string NotYetReported = "NotYetReported";

    public int CasesSubmitted => CasesPerCentre.Sum(r => r.Count);

    public int Recommendations => RecommendationsByConsensus.Sum(r => r.Count);

    public int MeetingsHeld => Attendance.Count == 0 ? 0 : Attendance[0].MeetingsHeld;
}

/// <summary>The figures that export as CSV, by the name in their address.</summary>
public static class Figures
{
    public const string CasesPerCentre = "cases-per-centre";
    public const string CasesPerIccc3Group = "cases-per-iccc3-group";
    public const string SubmissionToRecommendation = "submission-to-recommendation";
    public const string Consensus = "consensus";
    public const string TrialReferrals = "trial-referrals";
    public const string Attendance = "attendance";
    public const string FollowUp = "follow-up";

    public static readonly string[] All = [CasesPerCentre, CasesPerIccc3Group, SubmissionToRecommendation, Consensus, TrialReferrals, Attendance, FollowUp];
}
