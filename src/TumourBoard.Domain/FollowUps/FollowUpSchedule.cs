namespace TumourBoard.Domain.FollowUps;

/// <summary>A milestone's reporting window: from <see cref="OpensOn"/>, assessed around <see cref="DueOn"/>, overdue after <see cref="DueBy"/>.</summary>
public sealed record MilestoneDates(DateOnly OpensOn, DateOnly DueOn, DateOnly DueBy);

public sealed record MilestoneStatus(Milestone Milestone, MilestoneDates Dates, MilestoneState State)
{
    public bool IsOpen => State is MilestoneState.Due or MilestoneState.Overdue;
}

/// <summary>A death recorded as a response: at which milestone, assessed on which day.</summary>
public sealed record RecordedDeath(Milestone Milestone, DateOnly On);

/// <summary>What a follow-up holds, as far as its schedule is concerned.</summary>
public sealed record FollowUpFacts(DateOnly DiscussedOn, IReadOnlySet<Milestone> Reported, RecordedDeath? Death)
{
    public static FollowUpFacts NothingReported(DateOnly discussedOn) => new(discussedOn, new HashSet<Milestone>(), null);
}

/// <summary>
/// When each milestone of a follow-up opens, falls due and becomes overdue. Every date is a day of the board's own
/// calendar (Brussels): the day of the discussion and "today" both come from <see cref="Meetings.BoardTime.DateOf"/>.
/// </summary>
public static class FollowUpSchedule
{
    /// <summary>What became of the recommendation is reported within four weeks of the discussion (decision 0040).</summary>
    public const int ImplementationDueDays = 28;

    /// <summary>A response is reported from four weeks before its date until four weeks after it (decision 0040).</summary>
    public const int ResponseWindowDays = 28;

    public static MilestoneDates DatesOf(Milestone milestone, DateOnly discussedOn)
    {
        if (milestone == Milestone.Implementation)
        {
            var due = discussedOn.AddDays(ImplementationDueDays);
            return new MilestoneDates(discussedOn, due, due);
        }
        // AddMonths keeps the day of the month where it can and takes the month's last day otherwise (31 August + 6 months = 28 or 29 February).
        var assessed = discussedOn.AddMonths(milestone.Months());
        return new MilestoneDates(assessed.AddDays(-ResponseWindowDays), assessed, assessed.AddDays(ResponseWindowDays));
    }

    /// <summary>Each milestone's state on <paramref name="today"/>, in order.</summary>
    public static IReadOnlyList<MilestoneStatus> Assess(FollowUpFacts facts, DateOnly today) =>
        Enum.GetValues<Milestone>().Select(m => Assess(m, facts, today)).ToList();

    public static MilestoneStatus Assess(Milestone milestone, FollowUpFacts facts, DateOnly today)
    {
        var dates = DatesOf(milestone, facts.DiscussedOn);
        var state = facts.Reported.Contains(milestone) ? MilestoneState.Reported
            : IsAfterDeath(milestone, dates, facts.Death) ? MilestoneState.NotExpected
            : today < dates.OpensOn ? MilestoneState.Upcoming
            : today > dates.DueBy ? MilestoneState.Overdue
            : MilestoneState.Due;
        return new MilestoneStatus(milestone, dates, state);
    }

    /// <summary>The follow-up asks for nothing more: the implementation is reported, and the last response or a death.</summary>
    public static bool IsComplete(FollowUpFacts facts) =>
        facts.Reported.Contains(Milestone.Implementation) && (facts.Reported.Contains(Milestone.Response12Months) || facts.Death is not null);

    // The outcome of the recommendation is always asked for, even when the patient died; no response is asked for after a
    // death, nor for a milestone whose window had not opened when the patient died.
    private static bool IsAfterDeath(Milestone milestone, MilestoneDates dates, RecordedDeath? death) =>
        death is not null && milestone.IsResponse() && (milestone > death.Milestone || dates.OpensOn > death.On);
}
