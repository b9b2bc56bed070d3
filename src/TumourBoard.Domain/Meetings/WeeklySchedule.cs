using TumourBoard.Domain.Common;

namespace TumourBoard.Domain.Meetings;

/// <summary>The board's standing weekly slot, set by the coordinator. There is one schedule.</summary>
public sealed class WeeklySchedule
{
    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 480;
    public const int MeetingsAhead = 8;

    private WeeklySchedule() { }

    public WeeklySchedule(DayOfWeek day, TimeOnly startTime, int durationMinutes, BoardLanguage language, string? videoLink, Guid? defaultChairId)
    {
        Change(day, startTime, durationMinutes, language, videoLink, defaultChairId);
    }

    public int Id { get; private set; }

    public DayOfWeek Day { get; private set; }

    /// <summary>Wall-clock start in Europe/Brussels.</summary>
    public TimeOnly StartTime { get; private set; }

    public int DurationMinutes { get; private set; }

    public BoardLanguage Language { get; private set; }

    public string? VideoLink { get; private set; }

    public Guid? DefaultChairId { get; private set; }

    public void Change(DayOfWeek day, TimeOnly startTime, int durationMinutes, BoardLanguage language, string? videoLink, Guid? defaultChairId)
    {
        if (!Enum.IsDefined(day))
            throw new DomainException("Schedule.DayInvalid", "Unknown day of the week.");
        if (durationMinutes is < MinDurationMinutes or > MaxDurationMinutes)
            throw new DomainException("Schedule.DurationInvalid", $"A meeting lasts {MinDurationMinutes} to {MaxDurationMinutes} minutes.");
        Day = day;
        StartTime = startTime;
        DurationMinutes = durationMinutes;
        Language = language;
        VideoLink = VideoLinks.Normalise(videoLink);
        DefaultChairId = defaultChairId;
    }

    /// <summary>
    /// The UTC start of each weekly meeting from <paramref name="fromUtc"/> on (a meeting that starts exactly then
    /// counts), computed in Brussels wall-clock time so that the local start stays the same across daylight-saving changes.
    /// </summary>
    public IEnumerable<DateTime> OccurrencesFrom(DateTime fromUtc)
    {
        var localFrom = BoardTime.ToLocal(fromUtc);
        var date = DateOnly.FromDateTime(localFrom);
        var daysAhead = ((int)Day - (int)date.DayOfWeek + 7) % 7;
        date = date.AddDays(daysAhead);
        while (true)
        {
            var startUtc = BoardTime.ToUtc(date, StartTime);
            if (startUtc >= fromUtc)
                yield return startUtc;
            date = date.AddDays(7);
        }
    }

    /// <summary>The start, in this schedule's slot, of the week (Monday to Sunday, Brussels) that holds <paramref name="utc"/>.</summary>
    public DateTime SlotInWeekOf(DateTime utc)
    {
        var date = DateOnly.FromDateTime(BoardTime.ToLocal(utc));
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        return BoardTime.ToUtc(monday.AddDays(((int)Day + 6) % 7), StartTime);
    }

    /// <summary>The weekly meetings that should exist in the next <see cref="MeetingsAhead"/> weeks but do not yet.</summary>
    public IReadOnlyList<Meeting> MissingMeetings(DateTime nowUtc, IEnumerable<DateTime> existingWeeklyStartsUtc)
    {
        var existingDates = existingWeeklyStartsUtc.Select(s => DateOnly.FromDateTime(BoardTime.ToLocal(s))).ToHashSet();
        return OccurrencesFrom(nowUtc)
            .Take(MeetingsAhead)
            .Where(start => !existingDates.Contains(DateOnly.FromDateTime(BoardTime.ToLocal(start))))
            .Select(start => Meeting.Weekly(start, this))
            .ToList();
    }
}

public static class VideoLinks
{
    public const int MaxLength = 500;

    /// <summary>Blank becomes null; anything else must be an absolute https (or http) address.</summary>
    public static string? Normalise(string? link)
    {
        link = link?.Trim();
        if (string.IsNullOrEmpty(link))
            return null;
        if (link.Length > MaxLength
            || link.Any(char.IsControl)
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new DomainException("Meeting.VideoLinkInvalid", "The video-conference link must be a web address starting with https://.");
        return link;
    }
}
