using TumourBoard.Domain.Common;
using TumourBoard.Domain.Meetings;

namespace TumourBoard.Domain.Tests.Meetings;

public sealed class WeeklyScheduleTests
{
    private static WeeklySchedule TuesdayLunch() =>
        new(DayOfWeek.Tuesday, new TimeOnly(12, 30), 90, BoardLanguage.English, "https://meet.example.org/board", null);

    private static DateTime Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    [Fact]
    public void Occurrences_InWinter_StartAt1130Utc()
    {
        var first = TuesdayLunch().OccurrencesFrom(Utc(2026, 11, 22)).First();

        Assert.Equal(Utc(2026, 11, 24, 11, 30), first);
    }

    [Fact]
    public void Occurrences_AcrossTheSpringChange_KeepTheBrusselsWallClockTime()
    {
        // Clocks go forward on Sunday 29 March 2026: 12:30 Brussels is 11:30 UTC before, 10:30 UTC after.
        var starts = TuesdayLunch().OccurrencesFrom(Utc(2026, 3, 20)).Take(2).ToList();

        Assert.Equal([Utc(2026, 3, 24, 11, 30), Utc(2026, 3, 31, 10, 30)], starts);
        Assert.All(starts, s => Assert.Equal(new TimeOnly(12, 30), TimeOnly.FromDateTime(BoardTime.ToLocal(s))));
    }

    [Fact]
    public void Occurrences_AcrossTheAutumnChange_KeepTheBrusselsWallClockTime()
    {
        // Clocks go back on Sunday 25 October 2026.
        var starts = TuesdayLunch().OccurrencesFrom(Utc(2026, 10, 18)).Take(2).ToList();

        Assert.Equal([Utc(2026, 10, 20, 10, 30), Utc(2026, 10, 27, 11, 30)], starts);
    }

    [Fact]
    public void Occurrences_OnTheMeetingDayBeforeItStarts_IncludeThatDay()
    {
        var first = TuesdayLunch().OccurrencesFrom(Utc(2026, 11, 24, 9, 0)).First();

        Assert.Equal(Utc(2026, 11, 24, 11, 30), first);
    }

    [Fact]
    public void Occurrences_OnTheMeetingDayAfterItStarted_MoveToNextWeek()
    {
        var first = TuesdayLunch().OccurrencesFrom(Utc(2026, 11, 24, 12, 0)).First();

        Assert.Equal(Utc(2026, 12, 1, 11, 30), first);
    }

    [Fact]
    public void MissingMeetings_WithNoneYet_AreTheNextEightWeeks()
    {
        var meetings = TuesdayLunch().MissingMeetings(Utc(2026, 11, 22), []);

        Assert.Equal(8, meetings.Count);
        Assert.All(meetings, m => Assert.Equal(DayOfWeek.Tuesday, BoardTime.ToLocal(m.StartsAtUtc).DayOfWeek));
        Assert.All(meetings, m => Assert.Equal(MeetingStatus.Planned, m.Status));
        Assert.Equal(Utc(2027, 1, 12, 11, 30), meetings[^1].StartsAtUtc);
    }

    [Fact]
    public void MissingMeetings_WithSomeExisting_AddsOnlyTheOthers()
    {
        var schedule = TuesdayLunch();
        var existing = schedule.OccurrencesFrom(Utc(2026, 11, 22)).Take(5).ToList();

        var missing = schedule.MissingMeetings(Utc(2026, 11, 22), existing);

        Assert.Equal(3, missing.Count);
        Assert.DoesNotContain(missing, m => existing.Contains(m.StartsAtUtc));
    }

    [Fact]
    public void MissingMeetings_WhenAnExistingMeetingWasMovedWithinItsDay_DoesNotDuplicateIt()
    {
        var schedule = TuesdayLunch();
        var moved = Utc(2026, 11, 24, 15, 0);

        var missing = schedule.MissingMeetings(Utc(2026, 11, 22), [moved]);

        Assert.Equal(7, missing.Count);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(481)]
    public void Schedule_WithImpossibleDuration_IsRefused(int minutes)
    {
        var refused = Assert.Throws<DomainException>(() => new WeeklySchedule(DayOfWeek.Monday, new TimeOnly(9, 0), minutes, BoardLanguage.French, null, null));

        Assert.Equal("Schedule.DurationInvalid", refused.Code);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("meet.example.org/board")]
    [InlineData("ftp://example.org")]
    public void Schedule_WithVideoLinkThatIsNotAWebAddress_IsRefused(string link)
    {
        var refused = Assert.Throws<DomainException>(() => new WeeklySchedule(DayOfWeek.Monday, new TimeOnly(9, 0), 60, BoardLanguage.Dutch, link, null));

        Assert.Equal("Meeting.VideoLinkInvalid", refused.Code);
    }
}
