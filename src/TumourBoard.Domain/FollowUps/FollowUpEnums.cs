namespace TumourBoard.Domain.FollowUps;

/// <summary>What the submitting centre reports after a discussion: what became of the recommendation, then the response at 3, 6 and 12 months.</summary>
public enum Milestone
{
    Implementation,
    Response3Months,
    Response6Months,
    Response12Months,
}

public enum ImplementationOutcome
{
    Implemented,
    NotImplemented,
    EnrolledInTrial,
}

public enum NotImplementedReason
{
    PatientOrFamilyChoice,
    ClinicalChange,
    NotEligible,
    Other,
}

public enum TreatmentResponse
{
    CompleteResponse,
    PartialResponse,
    StableDisease,
    ProgressiveDisease,
    NotEvaluable,
    Deceased,
}

/// <summary>Where a milestone stands on a given day.</summary>
public enum MilestoneState
{
    /// <summary>Its reporting window has not opened yet.</summary>
    Upcoming,
    Due,
    Overdue,
    Reported,
    /// <summary>The patient died before it: nothing is expected.</summary>
    NotExpected,
}

public enum FollowUpEntryKind
{
    Reported,
    Corrected,
    /// <summary>Marked entered in error: the milestone has no value again, the entry it withdraws stays in the history.</summary>
    Withdrawn,
}

public static class Milestones
{
    public static readonly IReadOnlyList<Milestone> Responses = [Milestone.Response3Months, Milestone.Response6Months, Milestone.Response12Months];

    public static bool IsResponse(this Milestone milestone) => milestone != Milestone.Implementation;

    /// <summary>Months after the discussion at which the response is assessed.</summary>
    public static int Months(this Milestone milestone) => milestone switch
    {
        Milestone.Response3Months => 3,
        Milestone.Response6Months => 6,
        Milestone.Response12Months => 12,
        _ => 0,
    };
}
