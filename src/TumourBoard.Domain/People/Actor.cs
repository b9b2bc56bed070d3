namespace TumourBoard.Domain.People;

/// <summary>
/// Who is acting: the signed-in user with the one role and centre that decide what they may see and do.
/// Every feature service takes an actor and asks <see cref="Access"/>; no page or endpoint decides alone.
/// </summary>
public sealed record Actor(Guid UserId, string Role, int? CentreId, Discipline Discipline)
{
    public bool IsAdmin => Role == Roles.Admin;

    public bool IsCoordinator => Role == Roles.Coordinator;

    public bool IsBoardMember => Roles.BoardMembers.Contains(Role);

    public bool CanVote => Roles.CanVote(Role);

    public bool BelongsTo(int centreId) => CentreId == centreId;
}
