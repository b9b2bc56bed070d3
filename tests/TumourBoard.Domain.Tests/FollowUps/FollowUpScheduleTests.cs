using TumourBoard.Domain.FollowUps;
using TumourBoard.Domain.Meetings;

namespace TumourBoard.Domain.Tests.FollowUps;

public sealed class FollowUpScheduleTests
{
    private static readonly DateOnly Discussed = new(2026, 3, 10);

    private static FollowUpFacts Facts(params Milestone[] reported) => new(Discussed, reported.ToHashSet(), null);

    private static MilestoneState StateOn(Milestone milestone, DateOnly today, FollowUpFacts? facts = null) =>
        FollowUpSchedule.Assess(milestone, facts ?? Facts(), today).State;

    [Fact]
    public void Implementation_IsDueFromTheDiscussion_ForFourWeeks_ThenOverdue()
    {
        var dates = FollowUpSchedule.DatesOf(Milestone.Implementation, Discussed);

        Assert.Equal(new MilestoneDates(Discussed, new DateOnly(2026, 4, 7), new DateOnly(2026, 4, 7)), dates);
        Assert.Equal(MilestoneState.Due, StateOn(Milestone.Implementation, Discussed));
        Assert.Equal(MilestoneState.Due, StateOn(Milestone.Implementation, new DateOnly(2026, 4, 7)));
        Assert.Equal(MilestoneState.Overdue, StateOn(Milestone.Implementation, new DateOnly(2026, 4, 8)));
    }

    [Theory]
    [InlineData(Milestone.Response3Months, "2026-05-13", "2026-06-10", "2026-07-08")]
    [InlineData(Milestone.Response6Months, "2026-08-13", "2026-09-10", "2026-10-08")]
    [InlineData(Milestone.Response12Months, "2027-02-10", "2027-03-10", "2027-04-07")]
    public void Response_OpensFourWeeksBeforeItsMonth_AndIsOverdueFourWeeksAfter(Milestone milestone, string opens, string due, string dueBy)
    {
        var dates = FollowUpSchedule.DatesOf(milestone, Discussed);

        Assert.Equal(new MilestoneDates(DateOnly.Parse(opens), DateOnly.Parse(due), DateOnly.Parse(dueBy)), dates);
        Assert.Equal(MilestoneState.Upcoming, StateOn(milestone, dates.OpensOn.AddDays(-1)));
        Assert.Equal(MilestoneState.Due, StateOn(milestone, dates.OpensOn));
        Assert.Equal(MilestoneState.Due, StateOn(milestone, dates.DueBy));
        Assert.Equal(MilestoneState.Overdue, StateOn(milestone, dates.DueBy.AddDays(1)));
    }

    [Fact]
    public void Response_AfterTheEndOfAMonth_FallsOnTheLastDayOfAShorterMonth()
    {
        var dates = FollowUpSchedule.DatesOf(Milestone.Response6Months, new DateOnly(2026, 8, 31));

        Assert.Equal(new DateOnly(2027, 2, 28), dates.DueOn);
    }

    [Fact]
    public void Reported_IsReported_WhateverTheDay()
    {
        var facts = Facts(Milestone.Implementation, Milestone.Response3Months);

        Assert.Equal(MilestoneState.Reported, StateOn(Milestone.Implementation, new DateOnly(2030, 1, 1), facts));
        Assert.Equal(MilestoneState.Reported, StateOn(Milestone.Response3Months, Discussed, facts));
        Assert.Equal(MilestoneState.Overdue, StateOn(Milestone.Response6Months, new DateOnly(2030, 1, 1), facts));
    }

    [Fact]
    public void AfterADeath_NoLaterResponseIsExpected_NorOneWhoseWindowOpenedAfterIt_ButTheImplementationStillIs()
    {
        // Died seven weeks after the discussion, before the 3-month window opened; recorded at the 3-month milestone.
        var facts = new FollowUpFacts(Discussed, new HashSet<Milestone> { Milestone.Response3Months }, new RecordedDeath(Milestone.Response3Months, Discussed.AddDays(49)));
        var later = new DateOnly(2028, 1, 1);

        Assert.Equal(MilestoneState.Reported, StateOn(Milestone.Response3Months, later, facts));
        Assert.Equal(MilestoneState.NotExpected, StateOn(Milestone.Response6Months, later, facts));
        Assert.Equal(MilestoneState.NotExpected, StateOn(Milestone.Response12Months, later, facts));
        Assert.Equal(MilestoneState.Overdue, StateOn(Milestone.Implementation, later, facts));
    }

    [Fact]
    public void DeathRecordedAtALaterMilestone_StillExpectsAnEarlierResponseWhoseWindowOpenedBeforeIt()
    {
        var died = FollowUpSchedule.DatesOf(Milestone.Response6Months, Discussed).DueOn.AddDays(-10);
        var facts = new FollowUpFacts(Discussed, new HashSet<Milestone> { Milestone.Response6Months }, new RecordedDeath(Milestone.Response6Months, died));

        Assert.Equal(MilestoneState.Overdue, StateOn(Milestone.Response3Months, died, facts));
        Assert.Equal(MilestoneState.NotExpected, StateOn(Milestone.Response12Months, died, facts));
    }

    [Theory]
    [InlineData(new[] { Milestone.Implementation, Milestone.Response3Months, Milestone.Response6Months }, false, false)]
    [InlineData(new[] { Milestone.Implementation, Milestone.Response3Months, Milestone.Response6Months, Milestone.Response12Months }, false, true)]
    [InlineData(new[] { Milestone.Response3Months }, true, false)]
    [InlineData(new[] { Milestone.Implementation, Milestone.Response3Months }, true, true)]
    public void Complete_WhenTheImplementationAndTheLastResponseOrADeathAreReported(Milestone[] reported, bool died, bool complete)
    {
        var facts = new FollowUpFacts(Discussed, reported.ToHashSet(), died ? new RecordedDeath(Milestone.Response3Months, Discussed.AddMonths(3)) : null);

        Assert.Equal(complete, FollowUpSchedule.IsComplete(facts));
    }

    [Fact]
    public void Assess_ListsEveryMilestoneInOrder()
    {
        var states = FollowUpSchedule.Assess(Facts(), new DateOnly(2026, 6, 1));

        Assert.Equal(Enum.GetValues<Milestone>(), states.Select(s => s.Milestone));
        Assert.Equal([MilestoneState.Overdue, MilestoneState.Due, MilestoneState.Upcoming, MilestoneState.Upcoming], states.Select(s => s.State));
    }

    [Theory]
    // 23:30 UTC on 31 March 2026 is already 1 April in Brussels (summer time, UTC+2); 22:30 UTC on 31 December is 23:30.
    [InlineData("2026-03-31T23:30:00Z", "2026-04-01")]
    [InlineData("2026-12-31T22:30:00Z", "2026-12-31")]
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01")]
    public void TheDayOfAnInstant_IsTheBrusselsDay(string instant, string day) =>
        Assert.Equal(DateOnly.Parse(day), BoardTime.DateOf(DateTime.Parse(instant, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));
}
