using Microsoft.Extensions.Localization;
using TumourBoard.Domain.Moc;
using TumourBoard.Domain.People;

namespace TumourBoard.Web.Features.Moc;

/// <summary>The MOC check and rules in words, the same in the room, the minutes, their PDF and the case page.</summary>
public static class MocText
{
    public static string Status(this IStringLocalizer l, MocStatus status) => l[$"Moc.Status.{status}"];

    /// <summary>Paediatric haematology and oncology count as one specialty and are named as one.</summary>
    public static string Specialty(this IStringLocalizer l, Discipline specialty) =>
        MocRules.SpecialtyOf(specialty) == Discipline.PaediatricOncology ? l["Moc.Specialty.PaediatricHaematologyOncology"] : l[$"Discipline.{specialty}"];

    /// <summary>Who counted: "4 physicians; specialties: …", and the physicians not counted for want of a RIZIV/INAMI number.</summary>
    public static string Counted(this IStringLocalizer l, MocResult result)
    {
        var text = l["Moc.Counted", result.Physicians, result.Specialties.Count == 0 ? "—" : string.Join(", ", result.Specialties.Select(s => l.Specialty(s)))].Value;
        return result.PhysiciansWithoutRizivNumber > 0 ? $"{text}; {l["Moc.WithoutRiziv", result.PhysiciansWithoutRizivNumber]}" : text;
    }

    public static IReadOnlyList<string> Reasons(this IStringLocalizer l, MocResult result) =>
        result.Reasons.Select(r => r.Kind switch
        {
            MocReasonKind.TooFewPhysicians or MocReasonKind.TooFewSpecialties => l[$"Moc.Reason.{r.Kind}", r.Present, r.Required].Value,
            MocReasonKind.SpecialtyAbsent or MocReasonKind.TreatingSpecialtyAbsent => l[$"Moc.Reason.{r.Kind}", l.Specialty(r.Specialty!.Value)].Value,
            _ => l[$"Moc.Reason.{r.Kind}"].Value,
        }).ToList();

    /// <summary>One line: the status, then the reasons or who counted.</summary>
    public static string Summary(this IStringLocalizer l, MocResult result) =>
        result.Status == MocStatus.Met ? $"{l.Status(result.Status)}: {l.Counted(result)}" : $"{l.Status(result.Status)}: {string.Join("; ", l.Reasons(result))}";

    /// <summary>The rules as a sentence: at least N physicians of M specialties, the treating specialty, the required ones, the number.</summary>
    public static string Rules(this IStringLocalizer l, MocRules rules)
    {
        var parts = new List<string> { l["Moc.Rules.Minimums", rules.MinPhysicians, rules.MinSpecialties] };
        if (rules.TreatingSpecialtyRequired)
            parts.Add(l["Moc.Rules.Treating"]);
        if (rules.RequiredSpecialties.Count > 0)
            parts.Add(l["Moc.Rules.Required", string.Join(", ", rules.RequiredSpecialties.Select(s => l.Specialty(s)))]);
        if (rules.RizivNumberRequired)
            parts.Add(l["Moc.Rules.Riziv"]);
        return string.Join("; ", parts) + ".";
    }
}
