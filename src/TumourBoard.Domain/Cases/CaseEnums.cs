namespace TumourBoard.Domain.Cases;

public enum CaseStatus
{
    Draft,
    Submitted,
    Scheduled,
    Discussed,
    Deferred,
    Withdrawn,
}

public enum Sex
{
    Female,
    Male,
    Undetermined,
}

public enum DiseaseStatus
{
    NewDiagnosis,
    Relapse,
    Refractory,
    Progression,
    FollowUp,
}

public enum Urgency
{
    Routine,
    Urgent,
}
