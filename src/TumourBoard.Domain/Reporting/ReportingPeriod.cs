namespace TumourBoard.Domain.Reporting;

/// <summary>
/// A span of Brussels calendar days, both ends included, over which figures and exports are counted. At most five
/// years; by default the twelve months up to today.
/// </summary>
public sealed record ReportingPeriod
{
    public const int MaxYears = 5;

    private ReportingPeriod(DateOnly from, DateOnly to) => (From, To) = (from, to);

    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>The first instant after the period, in UTC.</summary>
    public DateTime EndUtc => Meetings.BoardTime.ToUtc(To.AddDays(1), TimeOnly.MinValue);

    public DateTime StartUtc => Meetings.BoardTime.ToUtc(From, TimeOnly.MinValue);

    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    public static ReportingPeriod LastTwelveMonths(DateOnly today) => new(today.AddMonths(-12).AddDays(1), today);

    /// <summary>The period asked for; either end may be left out (twelve months before the end, today).</summary>
    public static ReportingPeriod Of(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var end = to ?? today;
        var start = from ?? end.AddMonths(-12).AddDays(1);
        if (start > end)
            throw new DomainException("Period.Invalid", "The start of the period is after its end.");
        if (start < end.AddYears(-MaxYears))
            throw new DomainException("Period.LengthInvalid", $"Choose a period of at most {MaxYears} years.");
        return new ReportingPeriod(start, end);
    }
}
