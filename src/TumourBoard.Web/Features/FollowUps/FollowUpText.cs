using System.Globalization;
using Microsoft.Extensions.Localization;
using TumourBoard.Domain.FollowUps;

namespace TumourBoard.Web.Features.FollowUps;

/// <summary>How a follow-up's values read, in the reader's language: on the case page, the agenda, the dashboard and the minutes.</summary>
public static class FollowUpText
{
    /// <summary>What an entry says, without its detail or reason: "Not implemented: Patient or family choice", "Partial response, assessed on 2/3/2027".</summary>
    public static string Value(this IStringLocalizer l, FollowUpEntryView entry) => entry switch
    {
        { Kind: FollowUpEntryKind.Withdrawn } => l["FollowUp.Kind.Withdrawn"],
        { Outcome: { } outcome, Reason: { } reason } => $"{l[$"FollowUp.Outcome.{outcome}"]}: {l[$"FollowUp.Reason.{reason}"]}",
        { Outcome: { } outcome } => l[$"FollowUp.Outcome.{outcome}"],
        { Response: { } response, AssessedOn: { } on } => $"{l[$"FollowUp.Response.{response}"]}, {l["FollowUp.AssessedOn", on.ToString("d", CultureInfo.CurrentCulture)]}",
        _ => "—",
    };

    public static string Milestone(this IStringLocalizer l, Milestone milestone) => l[$"FollowUp.Milestone.{milestone}"];

    /// <summary>When a milestone is due: "by 7/4/2026" for the implementation, "at 10/6/2026, report by 8/7/2026" for a response.</summary>
    public static string Due(this IStringLocalizer l, Milestone milestone, MilestoneDates dates) => milestone == TumourBoard.Domain.FollowUps.Milestone.Implementation
        ? l["FollowUp.By", dates.DueBy.ToString("d", CultureInfo.CurrentCulture)]
        : l["FollowUp.Around", dates.DueOn.ToString("d", CultureInfo.CurrentCulture), dates.DueBy.ToString("d", CultureInfo.CurrentCulture)];
}
