namespace TumourBoard.Domain.FollowUps;

/// <summary>Where a discussed case's follow-up stands on a day, from what its centre reported (nothing yet when null).</summary>
public sealed record FollowUpStanding(IReadOnlyList<MilestoneStatus> Milestones, bool IsComplete, ImplementationOutcome? Implementation)
{
    public static FollowUpStanding Of(CaseFollowUp? followUp, DateOnly discussedOn, DateOnly today)
    {
        var facts = followUp?.Facts() ?? FollowUpFacts.NothingReported(discussedOn);
        return new FollowUpStanding(FollowUpSchedule.Assess(facts, today), FollowUpSchedule.IsComplete(facts),
            followUp?.Current(Milestone.Implementation)?.Outcome);
    }

    public bool IsOverdue => Milestones.Any(m => m.State == MilestoneState.Overdue);

    /// <summary>The most pressing state of the milestones: Overdue, Due, Upcoming, or Complete when none asks for anything.</summary>
    public string MostPressing =>
        IsOverdue ? nameof(MilestoneState.Overdue)
        : Milestones.Any(m => m.State == MilestoneState.Due) ? nameof(MilestoneState.Due)
        : Milestones.Any(m => m.State == MilestoneState.Upcoming) ? nameof(MilestoneState.Upcoming)
        : "Complete";
}
