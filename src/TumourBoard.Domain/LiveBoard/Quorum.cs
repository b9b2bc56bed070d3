using TumourBoard.Domain.People;

namespace TumourBoard.Domain.LiveBoard;

/// <summary>How many must be in the room for the board's recommendation to count as the board's.</summary>
public sealed record QuorumRules(int MinCentres, int MinPhysicians, int MinDisciplines)
{
    public static readonly QuorumRules Default = new(3, 4, 2);

    public QuorumRules Validate() =>
        MinCentres is < 0 or > 50 || MinPhysicians is < 0 or > 200 || MinDisciplines is < 0 or > 14
            ? throw new DomainException("Quorum.RulesInvalid", "Quorum minimums are whole numbers within sensible limits.")
            : this;
}

/// <summary>Someone in the room, as quorum and voting see them.</summary>
public sealed record Participant(Guid UserId, string Role, int? CentreId, Discipline Discipline)
{
    public bool IsPhysician => Role is Roles.Clinician or Roles.Coordinator && Discipline.IsMedical();
}

public sealed record QuorumState(int Centres, int Physicians, int Disciplines, QuorumRules Rules)
{
    public bool IsMet => Centres >= Rules.MinCentres && Physicians >= Rules.MinPhysicians && Disciplines >= Rules.MinDisciplines;

    /// <summary>Counts the board members present: observers and admins follow the meeting but do not make the board.</summary>
    public static QuorumState Of(QuorumRules rules, IEnumerable<Participant> present)
    {
        var members = present.Where(p => Roles.BoardMembers.Contains(p.Role)).DistinctBy(p => p.UserId).ToList();
        return new QuorumState(
            members.Where(p => p.CentreId is not null).Select(p => p.CentreId).Distinct().Count(),
            members.Count(p => p.IsPhysician),
            members.Select(p => p.Discipline).Distinct().Count(),
            rules);
    }
}
