using System.Globalization;
using System.Text;

namespace TumourBoard.Web.Features.Calendar;

/// <summary>One meeting as a calendar event.</summary>
public sealed record CalendarEvent(int MeetingId, DateTime StartsAtUtc, DateTime EndsAtUtc, string Summary, string Description, string? Location, string Url, bool Cancelled, int Sequence);

/// <summary>
/// Writes iCalendar (RFC 5545) that Outlook, Google Calendar and Thunderbird accept: CRLF line ends, lines folded at
/// 75 octets, text escaped, times in UTC, a stable UID per meeting and a SEQUENCE that grows with each change.
/// </summary>
public static class ICalendarWriter
{
    public static string Write(IEnumerable<CalendarEvent> events, DateTime stampUtc, string calendarName)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//TumourBoard//Meetings//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        Line(sb, "X-WR-TIMEZONE:Europe/Brussels");
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, $"UID:meeting-{e.MeetingId}@tumourboard.be");
            Line(sb, "DTSTAMP:" + Utc(stampUtc));
            Line(sb, "DTSTART:" + Utc(e.StartsAtUtc));
            Line(sb, "DTEND:" + Utc(e.EndsAtUtc));
            Line(sb, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            Line(sb, "DESCRIPTION:" + Escape(e.Description));
            if (e.Location is not null)
                Line(sb, "LOCATION:" + Escape(e.Location));
            Line(sb, "URL:" + e.Url);
            Line(sb, "STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(sb, "TRANSP:OPAQUE");
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    public static string Utc(DateTime utc) => utc.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

    // Folds at 75 octets of UTF-8 without splitting a character; continuation lines start with a space.
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = 74;
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        sb.Append("\r\n");
    }
}
