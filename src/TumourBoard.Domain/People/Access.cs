using TumourBoard.Domain.Cases;

namespace TumourBoard.Domain.People;

/// <summary>The one place that decides who may do what. Feature services call it; pages only mirror it.</summary>
public static class Access
{
    public static bool CanManageCentresAndUsers(Actor actor) => actor.IsAdmin;

    /// <summary>The audit trail holds no case content; the administrators read, export and verify it.</summary>
    public static bool CanReadAuditTrail(Actor actor) => actor.IsAdmin;

    /// <summary>Meetings and their agendas are read by the board and by observers; admins run the platform, not the board.</summary>
    public static bool CanSeeMeetings(Actor actor) => actor.IsBoardMember || actor.Role == Roles.Observer;

    public static bool CanManageSchedule(Actor actor) => actor.IsCoordinator;

    /// <summary>Data managers of any centre and the coordinator prepare agendas.</summary>
    public static bool CanPrepareAgenda(Actor actor) => actor.Role is Roles.DataManager or Roles.Coordinator;

    /// <summary>Publishing, cancelling, extra meetings, late additions: the coordinator's.</summary>
    public static bool CanManageMeetings(Actor actor) => actor.IsCoordinator;

    /// <summary>The chair runs the meeting; any coordinator may stand in as deputy.</summary>
    public static bool CanChair(Actor actor, Guid? chairId) => actor.IsCoordinator || (chairId == actor.UserId && actor.CanVote);

    /// <summary>Board members take the minutes and letters away; observers read them in the application only.</summary>
    public static bool CanExportMinutes(Actor actor) => actor.IsBoardMember;

    /// <summary>The coordinators and the meeting's secretary write the narrative of the minutes.</summary>
    public static bool CanEditMinutes(Actor actor, Guid? secretaryId) => actor.IsCoordinator || (actor.IsBoardMember && secretaryId == actor.UserId);

    /// <summary>Only a coordinator signs the record: finalising and correcting.</summary>
    public static bool CanFinaliseMinutes(Actor actor) => actor.IsCoordinator;

    /// <summary>The MOC rules are the board's, like its schedule and quorum: the coordinator sets them.</summary>
    public static bool CanManageMocRules(Actor actor) => actor.IsCoordinator;

    /// <summary>
    /// A RIZIV/INAMI number is read and changed by its holder and by the administrators, nobody else: the MOC check
    /// needs only whether a physician holds one.
    /// </summary>
    public static bool CanManageRizivNumber(Actor actor, Guid holderId) => actor.UserId == holderId || actor.IsAdmin;

    /// <summary>Clinicians and data managers write their own centre's cases.</summary>
    public static bool CanWriteCases(Actor actor) =>
        actor.CentreId is not null && actor.Role is Roles.Clinician or Roles.DataManager;

    public static bool CanWriteCase(Actor actor, int caseCentreId) => CanWriteCases(actor) && actor.BelongsTo(caseCentreId);

    /// <summary>
    /// Drafts stay inside their centre. Once submitted, a case is seen by the whole board and by observers;
    /// admins run the platform and see no case.
    /// </summary>
    public static bool CanSeeCase(Actor actor, int caseCentreId, CaseStatus status) =>
        !actor.IsAdmin && (status == CaseStatus.Draft ? actor.BelongsTo(caseCentreId) : actor.IsBoardMember || actor.Role == Roles.Observer);

    /// <summary>The cases an actor may list: <see cref="CanSeeCase"/> as a query filter.</summary>
    public static System.Linq.Expressions.Expression<Func<PatientCase, bool>> VisibleCases(Actor actor)
    {
        if (actor.IsAdmin)
            return c => false;
        var own = actor.CentreId ?? -1;
        var seesSubmitted = actor.IsBoardMember || actor.Role == Roles.Observer;
        return c => (c.Status == CaseStatus.Draft && c.CentreId == own) || (c.Status != CaseStatus.Draft && seesSubmitted);
    }

    /// <summary>Whether the case's existence may be revealed at all: other centres' drafts answer "not found".</summary>
    public static bool CanKnowOfCase(Actor actor, int caseCentreId, CaseStatus status) =>
        status != CaseStatus.Draft || actor.BelongsTo(caseCentreId);

    /// <summary>The local reference links a case to a patient file: only the submitting centre ever sees it.</summary>
    public static bool CanSeeLocalReference(Actor actor, int caseCentreId) => !actor.IsAdmin && actor.BelongsTo(caseCentreId);

    /// <summary>The board's figures across all centres (cases, delays, consensus, referrals, attendance) are the coordinators'.</summary>
    public static bool CanSeeBoardFigures(Actor actor) => actor.IsCoordinator;

    /// <summary>
    /// The registry export: a centre's clinicians and data managers export their own centre's discussed cases, the
    /// coordinators every centre's. Observers and admins do not.
    /// </summary>
    public static bool CanExportRegistry(Actor actor, int? centreId) =>
        actor.IsCoordinator || (actor.Role is Roles.Clinician or Roles.DataManager && centreId is { } c && actor.BelongsTo(c));

    /// <summary>The trial catalogue is read by the board and by observers, like the meetings it serves.</summary>
    public static bool CanSeeTrials(Actor actor) => CanSeeMeetings(actor);

    /// <summary>The coordinators keep the trial catalogue: adding, editing, opening and closing trials, importing files.</summary>
    public static bool CanManageTrials(Actor actor) => actor.IsCoordinator;

    /// <summary>
    /// What became of a recommendation is reported by the submitting centre's clinicians and data managers, who know the
    /// patient; other centres, coordinators and observers read it.
    /// </summary>
    public static bool CanReportFollowUp(Actor actor, int caseCentreId) => CanWriteCase(actor, caseCentreId);

    /// <summary>Follow-ups, and what is due of them, are read by whoever reads discussed cases: the board and observers, not admins.</summary>
    public static bool CanSeeFollowUps(Actor actor) => actor.IsBoardMember || actor.Role == Roles.Observer;

    public static void Demand(bool allowed)
    {
        if (!allowed)
            throw new AccessDeniedException();
    }
}

/// <summary>The actor may not do this. Endpoints answer 403; pages show a refusal.</summary>
public sealed class AccessDeniedException() : DomainException("Access.Denied", "You are not allowed to do this.");
