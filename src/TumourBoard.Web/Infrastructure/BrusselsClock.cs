using System.Globalization;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.Reporting;

namespace TumourBoard.Web.Infrastructure;

/// <summary>Shows UTC instants as Brussels wall-clock time in the current user's culture.</summary>
public sealed class BrusselsClock(TimeProvider time)
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTime ToLocal(DateTime utc) => BoardTime.ToLocal(utc);

    /// <summary>Today on the board's calendar.</summary>
    public DateOnly Today => BoardTime.DateOf(UtcNow);

    /// <summary>A reporting period as asked for (either end may be left out), checked; by default the twelve months up to today.</summary>
    public ReportingPeriod Period(DateOnly? from, DateOnly? to) => ReportingPeriod.Of(from, to, Today);

    public string Day(DateOnly day) => day.ToString("d", CultureInfo.CurrentCulture);

    public string Date(DateTime utc) => ToLocal(utc).ToString("D", CultureInfo.CurrentCulture);

    public string ShortDate(DateTime utc) => ToLocal(utc).ToString("d", CultureInfo.CurrentCulture);

    public string Time(DateTime utc) => ToLocal(utc).ToString("t", CultureInfo.CurrentCulture);

    public string DateTime(DateTime utc) => ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);
}
