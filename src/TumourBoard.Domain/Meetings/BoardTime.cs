namespace TumourBoard.Domain.Meetings;

/// <summary>
/// The board meets in Belgium: every local wall-clock time is Europe/Brussels, every stored instant is UTC.
/// </summary>
public static class BoardTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The Brussels calendar day of an instant: the day a discussion took place, or "today" for what is due.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>
    /// Converts a Brussels wall-clock time to UTC. A time skipped by the spring change (02:00-03:00) moves
    /// forward by the gap; a time repeated in autumn takes its first (summer-time) occurrence.
    /// </summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
            local = local.AddHours(1);
        if (Zone.IsAmbiguousTime(local))
        {
            var offsets = Zone.GetAmbiguousTimeOffsets(local);
            var summer = offsets.Max();
            return DateTime.SpecifyKind(local - summer, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
