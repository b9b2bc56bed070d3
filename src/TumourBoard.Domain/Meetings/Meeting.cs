using TumourBoard.Domain.Common;

namespace TumourBoard.Domain.Meetings;

/// <summary>One sitting of the board, weekly or extra.</summary>
public sealed class Meeting
{
    public const int MaxTitleLength = 200;
    public const int MaxReasonLength = 1000;

    private readonly List<AgendaItem> _items = [];

    private Meeting() { }

    private Meeting(MeetingKind kind, DateTime startsAtUtc, int durationMinutes, string? title, BoardLanguage language, string? videoLink, Guid? chairId)
    {
        if (startsAtUtc.Kind != DateTimeKind.Utc)
            throw new ArgumentException("Meeting times are UTC.", nameof(startsAtUtc));
        if (durationMinutes is < WeeklySchedule.MinDurationMinutes or > WeeklySchedule.MaxDurationMinutes)
            throw new DomainException("Meeting.DurationInvalid", $"A meeting lasts {WeeklySchedule.MinDurationMinutes} to {WeeklySchedule.MaxDurationMinutes} minutes.");
        title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        if (title?.Length > MaxTitleLength || (title?.Any(char.IsControl) ?? false))
            throw new DomainException("Meeting.TitleInvalid", $"A title has at most {MaxTitleLength} characters, without control characters.");
        if (!Enum.IsDefined(language))
            throw new DomainException("Meeting.LanguageInvalid", "Unknown language.");
        Kind = kind;
        StartsAtUtc = startsAtUtc;
        DurationMinutes = durationMinutes;
        Title = title;
        Language = language;
        VideoLink = VideoLinks.Normalise(videoLink);
        ChairId = chairId;
        Status = MeetingStatus.Planned;
    }

    public static Meeting Weekly(DateTime startsAtUtc, WeeklySchedule schedule) =>
        new(MeetingKind.Weekly, startsAtUtc, schedule.DurationMinutes, null, schedule.Language, schedule.VideoLink, schedule.DefaultChairId);

    public static Meeting Extra(DateTime startsAtUtc, int durationMinutes, string? title, BoardLanguage language, string? videoLink, Guid chairId) =>
        new(MeetingKind.Extra, startsAtUtc, durationMinutes, title, language, videoLink, chairId);

    public int Id { get; private set; }

    public MeetingKind Kind { get; private set; }

    public string? Title { get; private set; }

    public DateTime StartsAtUtc { get; private set; }

    public int DurationMinutes { get; private set; }

    public DateTime EndsAtUtc => StartsAtUtc.AddMinutes(DurationMinutes);

    public BoardLanguage Language { get; private set; }

    public string? VideoLink { get; private set; }

    public Guid? ChairId { get; private set; }

    public Guid? SecretaryId { get; private set; }

    public MeetingStatus Status { get; private set; }

    public string? CancellationReason { get; private set; }

    public DateTime? AgendaPublishedAtUtc { get; private set; }

    public DateTime? StartedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public int? CurrentItemId { get; private set; }

    public LiveBoard.VotingMode VotingMode { get; private set; }

    public int QuorumMinCentres { get; private set; } = LiveBoard.QuorumRules.Default.MinCentres;

    public int QuorumMinPhysicians { get; private set; } = LiveBoard.QuorumRules.Default.MinPhysicians;

    public int QuorumMinDisciplines { get; private set; } = LiveBoard.QuorumRules.Default.MinDisciplines;

    public LiveBoard.QuorumRules Quorum => new(QuorumMinCentres, QuorumMinPhysicians, QuorumMinDisciplines);

    /// <summary>The MOC rules in force when the meeting started; the checks of its cases keep using them. Null before the start.</summary>
    public Moc.MocRules? MocRules { get; private set; }

    /// <summary>Raised by every agenda change, so two people editing at once cannot both save on the same view.</summary>
    public int AgendaRevision { get; private set; }

    public IReadOnlyList<AgendaItem> Items => _items.OrderBy(i => i.Position).ToList();

    public int AgendaMinutes => _items.Where(i => i.Status != AgendaItemStatus.Deferred).Sum(i => i.Minutes);

    public bool RunsOverTime => AgendaMinutes > DurationMinutes;

    /// <summary>Each item's computed start, in agenda order.</summary>
    public IReadOnlyList<(AgendaItem Item, DateTime StartsAtUtc)> Schedule()
    {
        var at = StartsAtUtc;
        var result = new List<(AgendaItem, DateTime)>();
        foreach (var item in Items)
        {
            result.Add((item, at));
            at = at.AddMinutes(item.Minutes);
        }
        return result;
    }

    public bool Holds(int caseId) => _items.Any(i => i.CaseId == caseId);

    /// <summary>
    /// Puts a case on the agenda: at the end while the agenda is open; after publication only as a late addition
    /// (the service decides who may); carried-over cases go to the top.
    /// </summary>
    public AgendaItem AddCase(int caseId, int minutes, Guid? presenterId, bool lateAddition = false, bool carriedOver = false)
    {
        if (Status is MeetingStatus.AgendaPublished && !lateAddition)
            throw new DomainException("Agenda.Published", "The agenda is published; only the coordinator can add an urgent case as a late addition.");
        if (Status is not (MeetingStatus.Planned or MeetingStatus.AgendaPublished))
            throw new DomainException("Agenda.Closed", "This meeting's agenda can no longer change.");
        if (Holds(caseId))
            throw new DomainException("Agenda.CaseAlreadyOn", "This case is already on this agenda.");
        var position = carriedOver ? 1 : _items.Count + 1;
        if (carriedOver)
        {
            foreach (var item in _items)
                item.Position++;
        }
        var added = new AgendaItem(caseId, position, minutes, presenterId, lateAddition && Status == MeetingStatus.AgendaPublished, carriedOver);
        _items.Add(added);
        AgendaRevision++;
        return added;
    }

    public AgendaItem RemoveItem(int itemId, bool byCoordinator)
    {
        var item = Item(itemId);
        if (Status == MeetingStatus.AgendaPublished && !byCoordinator)
            throw new DomainException("Agenda.Published", "The agenda is published; only the coordinator can change it.");
        if (Status is not (MeetingStatus.Planned or MeetingStatus.AgendaPublished))
            throw new DomainException("Agenda.Closed", "This meeting's agenda can no longer change.");
        _items.Remove(item);
        Renumber(Items.Where(i => i != item).ToList());
        AgendaRevision++;
        return item;
    }

    /// <summary>Sets the agenda's order; the ids must be exactly the agenda's items.</summary>
    public void Reorder(IReadOnlyList<int> itemIds)
    {
        EnsureOpen();
        if (itemIds is null || itemIds.Count != _items.Count || itemIds.Distinct().Count() != itemIds.Count || itemIds.Any(id => _items.All(i => i.Id != id)))
            throw new DomainException("Agenda.OrderInvalid", "The new order must list every item of this agenda exactly once.");
        Renumber(itemIds.Select(Item).ToList());
        AgendaRevision++;
    }

    public void SetItemMinutes(int itemId, int minutes)
    {
        EnsureOpen();
        Item(itemId).ChangeMinutes(minutes);
        AgendaRevision++;
    }

    public void SetItemPresenter(int itemId, Guid? presenterId)
    {
        if (Status is not (MeetingStatus.Planned or MeetingStatus.AgendaPublished or MeetingStatus.InProgress))
            throw new DomainException("Agenda.Closed", "This meeting's agenda can no longer change.");
        Item(itemId).ChangePresenter(presenterId);
        AgendaRevision++;
    }

    /// <summary>Fixes the order and times and makes the agenda visible as final.</summary>
    public void PublishAgenda(DateTime nowUtc)
    {
        EnsureOpen();
        if (_items.Count == 0)
            throw new DomainException("Agenda.Empty", "Put at least one case on the agenda before publishing it.");
        Status = MeetingStatus.AgendaPublished;
        AgendaPublishedAtUtc = nowUtc;
        AgendaRevision++;
    }

    /// <summary>Marks an item not discussed, with the reason; the case carries over to the next meeting.</summary>
    public AgendaItem DeferItem(int itemId, string reason)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length is 0 or > AgendaItem.MaxReasonLength)
            throw new DomainException("Agenda.DeferReasonRequired", $"Give a reason of 1 to {AgendaItem.MaxReasonLength} characters for deferring.");
        var item = Item(itemId);
        if (item.Status == AgendaItemStatus.Discussed)
            throw new DomainException("Agenda.AlreadyDiscussed", "This case has been discussed.");
        item.Defer(reason);
        AgendaRevision++;
        return item;
    }

    public AgendaItem Item(int itemId) =>
        _items.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainException("Agenda.ItemNotFound", "This item is not on this meeting's agenda.");

    private void EnsureOpen()
    {
        if (Status == MeetingStatus.AgendaPublished)
            throw new DomainException("Agenda.Published", "The agenda is published; its order and times are fixed.");
        if (Status != MeetingStatus.Planned)
            throw new DomainException("Agenda.Closed", "This meeting's agenda can no longer change.");
    }

    private static void Renumber(IReadOnlyList<AgendaItem> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
            ordered[i].Position = i + 1;
    }

    public void Cancel(string reason)
    {
        reason = (reason ?? "").Trim();
        if (reason.Length is 0 or > MaxReasonLength)
            throw new DomainException("Meeting.CancelReasonRequired", $"Give a reason of 1 to {MaxReasonLength} characters for cancelling.");
        if (Status is not (MeetingStatus.Planned or MeetingStatus.AgendaPublished))
            throw new DomainException("Meeting.CannotCancel", "Only a meeting that has not started can be cancelled.");
        Status = MeetingStatus.Cancelled;
        CancellationReason = reason;
        AgendaRevision++;
    }

    /// <summary>Sets how the room votes and counts its quorum; fixed once the meeting starts.</summary>
    public void ConfigureRoom(LiveBoard.VotingMode mode, LiveBoard.QuorumRules quorum)
    {
        if (Status is not (MeetingStatus.Planned or MeetingStatus.AgendaPublished))
            throw new DomainException("Meeting.Started", "The voting mode and quorum are fixed once the meeting has started.");
        if (!Enum.IsDefined(mode))
            throw new DomainException("Voting.ModeInvalid", "Unknown voting mode.");
        quorum.Validate();
        VotingMode = mode;
        (QuorumMinCentres, QuorumMinPhysicians, QuorumMinDisciplines) = (quorum.MinCentres, quorum.MinPhysicians, quorum.MinDisciplines);
    }

    /// <summary>
    /// Opens the meeting whatever the scheduled time (meetings move at short notice); the first waiting case becomes current.
    /// The MOC rules in force (the defaults when none are given) are fixed on the meeting.
    /// </summary>
    public void Start(DateTime nowUtc, Moc.MocRules? mocRules = null)
    {
        if (Status != MeetingStatus.AgendaPublished)
            throw new DomainException("Meeting.NotPublished", Status == MeetingStatus.InProgress
                ? "The meeting has already started."
                : "Publish the agenda before starting the meeting.");
        MocRules = (mocRules ?? Moc.MocRules.Default).Validate();
        Status = MeetingStatus.InProgress;
        StartedAtUtc = nowUtc;
        var first = Items.FirstOrDefault(i => i.Status == AgendaItemStatus.Waiting);
        if (first is not null)
        {
            first.Begin(nowUtc);
            CurrentItemId = first.Id;
        }
        AgendaRevision++;
    }

    /// <summary>Makes another item of this meeting the current one; everyone's view follows.</summary>
    public void MoveTo(int itemId, DateTime nowUtc)
    {
        EnsureInProgress();
        var target = Item(itemId);
        if (CurrentItemId == itemId)
            return;
        if (CurrentItemId is { } current)
        {
            var leaving = Item(current);
            if (leaving.VotingStatus == LiveBoard.VotingStatus.Open)
                throw new DomainException("Voting.StillOpen", "Close the vote on the current case before moving on.");
            leaving.Leave(nowUtc);
        }
        if (target.Status is AgendaItemStatus.Waiting or AgendaItemStatus.Current)
            target.Begin(nowUtc);
        CurrentItemId = itemId;
        AgendaRevision++;
    }

    public AgendaItem OpenVoting(int itemId, DateTime nowUtc)
    {
        EnsureInProgress();
        if (CurrentItemId != itemId)
            throw new DomainException("Voting.NotCurrent", "Voting opens on the case being discussed.");
        var item = Item(itemId);
        item.OpenVoting(nowUtc);
        AgendaRevision++;
        return item;
    }

    public AgendaItem CloseVoting(int itemId, LiveBoard.Tally tally, DateTime nowUtc)
    {
        EnsureInProgress();
        var item = Item(itemId);
        item.CloseVoting(tally, nowUtc);
        AgendaRevision++;
        return item;
    }

    public AgendaItem RecordRecommendation(int itemId, Recommendation recommendation, DateTime nowUtc)
    {
        EnsureInProgress();
        var item = Item(itemId);
        item.Record(recommendation, nowUtc);
        AgendaRevision++;
        return item;
    }

    /// <summary>Ends the meeting. Cases not reached are deferred (the caller carries them over); an open vote must be closed first.</summary>
    public IReadOnlyList<AgendaItem> Close(DateTime nowUtc, string notReachedReason)
    {
        EnsureInProgress();
        if (_items.Any(i => i.VotingStatus == LiveBoard.VotingStatus.Open))
            throw new DomainException("Voting.StillOpen", "Close the open vote before closing the meeting.");
        if (CurrentItemId is { } current)
            Item(current).Leave(nowUtc);
        var notReached = _items.Where(i => i.Status is AgendaItemStatus.Waiting or AgendaItemStatus.Current).ToList();
        foreach (var item in notReached)
            item.Defer(notReachedReason);
        Status = MeetingStatus.Closed;
        ClosedAtUtc = nowUtc;
        CurrentItemId = null;
        AgendaRevision++;
        return notReached;
    }

    /// <summary>The meeting's minutes were finalised: the meeting's record is complete.</summary>
    public void MarkMinutesFinalised()
    {
        if (Status is not (MeetingStatus.Closed or MeetingStatus.MinutesFinalised))
            throw new DomainException("Minutes.MeetingNotClosed", "Minutes are finalised once the meeting has closed.");
        Status = MeetingStatus.MinutesFinalised;
    }

    private void EnsureInProgress()
    {
        if (Status != MeetingStatus.InProgress)
            throw new DomainException("Meeting.NotInProgress", "The meeting is not in progress.");
    }

    /// <summary>Moves a planned weekly meeting to the schedule's new slot, keeping its identity (links, calendars, roles).</summary>
    public void Retime(DateTime startsAtUtc, int durationMinutes)
    {
        if (Kind != MeetingKind.Weekly || Status != MeetingStatus.Planned)
            throw new DomainException("Meeting.CannotChange", "Only a planned weekly meeting follows the schedule.");
        if (startsAtUtc.Kind != DateTimeKind.Utc)
            throw new ArgumentException("Meeting times are UTC.", nameof(startsAtUtc));
        if (durationMinutes is < WeeklySchedule.MinDurationMinutes or > WeeklySchedule.MaxDurationMinutes)
            throw new DomainException("Meeting.DurationInvalid", $"A meeting lasts {WeeklySchedule.MinDurationMinutes} to {WeeklySchedule.MaxDurationMinutes} minutes.");
        StartsAtUtc = startsAtUtc;
        DurationMinutes = durationMinutes;
        AgendaRevision++;
    }

    public void AssignRoles(Guid? chairId, Guid? secretaryId)
    {
        if (Status is MeetingStatus.Closed or MeetingStatus.MinutesFinalised or MeetingStatus.Cancelled)
            throw new DomainException("Meeting.Ended", "This meeting has ended; its chair and secretary are part of the record.");
        ChairId = chairId;
        SecretaryId = secretaryId;
    }
}
