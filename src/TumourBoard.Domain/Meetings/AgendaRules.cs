using TumourBoard.Domain.Cases;

namespace TumourBoard.Domain.Meetings;

public static class AgendaRules
{
    /// <summary>Default time for a case by its type: a relapse or refractory disease needs more discussion than a follow-up.</summary>
    public static int DefaultMinutes(DiseaseStatus status, Urgency urgency) => status switch
    {
        DiseaseStatus.NewDiagnosis => urgency == Urgency.Urgent ? 15 : 10,
        DiseaseStatus.Relapse or DiseaseStatus.Refractory or DiseaseStatus.Progression => 15,
        DiseaseStatus.FollowUp => 5,
        _ => 10,
    };
}
