using TumourBoard.Domain.People;

namespace TumourBoard.Web.Features.Minutes;

/// <summary>Who attended from one centre (or nationally, without a centre), as the minutes page sums it up.</summary>
public sealed record CentreAttendance(string? CentreCode, string? CentreName, IReadOnlyList<(Discipline Discipline, int People)> Disciplines, IReadOnlyList<string> Names)
{
    public int People => Names.Count;

    /// <summary>One row per centre in the order of the record (centres by code, national last), disciplines by headcount.</summary>
    public static IReadOnlyList<CentreAttendance> From(IEnumerable<AttendeeRecord> attendees) =>
        attendees.GroupBy(a => a.CentreCode)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CentreAttendance(g.Key, g.First().CentreName,
                g.GroupBy(a => a.Discipline).Select(d => (d.Key, d.Count())).OrderByDescending(d => d.Item2).ThenBy(d => d.Key.ToString(), StringComparer.Ordinal).ToList(),
                g.Select(a => a.Name).ToList()))
            .ToList();
}
