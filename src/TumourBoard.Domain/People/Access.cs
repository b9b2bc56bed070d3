namespace TumourBoard.Domain.People;

/// <summary>The one place that decides who may do what. Feature services call it; pages only mirror it.</summary>
public static class Access
{
    public static bool CanManageCentresAndUsers(Actor actor) => actor.IsAdmin;

    /// <summary>Meetings and their agendas are read by the board and by observers; admins run the platform, not the board.</summary>
    public static bool CanSeeMeetings(Actor actor) => actor.IsBoardMember || actor.Role == Roles.Observer;

    public static bool CanManageSchedule(Actor actor) => actor.IsCoordinator;

    public static void Demand(bool allowed)
    {
        if (!allowed)
            throw new AccessDeniedException();
    }
}

/// <summary>The actor may not do this. Endpoints answer 403; pages show a refusal.</summary>
public sealed class AccessDeniedException() : DomainException("Access.Denied", "You are not allowed to do this.");
