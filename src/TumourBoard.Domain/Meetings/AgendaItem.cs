namespace TumourBoard.Domain.Meetings;

public enum AgendaItemStatus
{
    Waiting,
    Current,
    Discussed,
    Deferred,
}

/// <summary>A case on a meeting's agenda: its place, its time, who presents it.</summary>
public sealed class AgendaItem
{
    public const int MinMinutes = 1;
    public const int MaxMinutes = 120;
    public const int MaxReasonLength = 500;

    private readonly List<DiscussionPeriod> _discussions = [];

    private AgendaItem() { }

    internal AgendaItem(int caseId, int position, int minutes, Guid? presenterId, bool isLateAddition, bool isCarriedOver)
    {
        CaseId = caseId;
        Position = position;
        Minutes = ValidMinutes(minutes);
        PresenterId = presenterId;
        IsLateAddition = isLateAddition;
        IsCarriedOver = isCarriedOver;
        Status = AgendaItemStatus.Waiting;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public int CaseId { get; private set; }

    public int Position { get; internal set; }

    public int Minutes { get; private set; }

    public Guid? PresenterId { get; private set; }

    /// <summary>Added by the coordinator after the agenda was published.</summary>
    public bool IsLateAddition { get; private set; }

    /// <summary>Deferred from an earlier meeting.</summary>
    public bool IsCarriedOver { get; private set; }

    public AgendaItemStatus Status { get; internal set; }

    public string? DeferralReason { get; private set; }

    /// <summary>Seconds spent on the item before it last became current; the timer adds the time since.</summary>
    public int ElapsedSeconds { get; private set; }

    public DateTime? CurrentSinceUtc { get; private set; }

    public LiveBoard.VotingStatus VotingStatus { get; private set; }

    public DateTime? VotingOpenedAtUtc { get; private set; }

    public DateTime? VotingClosedAtUtc { get; private set; }

    public int? VotesCast { get; private set; }

    public int? Abstentions { get; private set; }

    public int? CentresRepresented { get; private set; }

    public int? WinningOptionId { get; private set; }

    public bool? IsTie { get; private set; }

    public Recommendation? Recommendation { get; private set; }

    /// <summary>Each time the item was the current one, until the chair moved on or the recommendation was recorded.</summary>
    public IReadOnlyList<DiscussionPeriod> Discussions => _discussions;

    public int SecondsUsed(DateTime nowUtc) =>
        ElapsedSeconds + (CurrentSinceUtc is { } since ? (int)Math.Max(0, (nowUtc - since).TotalSeconds) : 0);

    internal void Begin(DateTime nowUtc)
    {
        if (Status == AgendaItemStatus.Waiting)
            Status = AgendaItemStatus.Current;
        if (CurrentSinceUtc is not null)
            return;
        CurrentSinceUtc = nowUtc;
        _discussions.Add(new DiscussionPeriod(nowUtc));
    }

    internal void Leave(DateTime nowUtc)
    {
        if (CurrentSinceUtc is { } since)
        {
            ElapsedSeconds += (int)Math.Max(0, (nowUtc - since).TotalSeconds);
            foreach (var open in _discussions.Where(d => d.EndedAtUtc is null))
                open.End(nowUtc);
        }
        CurrentSinceUtc = null;
        if (Status == AgendaItemStatus.Current)
            Status = AgendaItemStatus.Waiting;
    }

    internal void OpenVoting(DateTime nowUtc)
    {
        if (Status != AgendaItemStatus.Current)
            throw new DomainException("Voting.NotCurrent", "Voting opens on the case being discussed.");
        if (VotingStatus != LiveBoard.VotingStatus.NotOpened)
            throw new DomainException("Voting.AlreadyOpened", "Voting on this case has already been opened.");
        VotingStatus = LiveBoard.VotingStatus.Open;
        VotingOpenedAtUtc = nowUtc;
    }

    internal void CloseVoting(LiveBoard.Tally tally, DateTime nowUtc)
    {
        if (VotingStatus != LiveBoard.VotingStatus.Open)
            throw new DomainException("Voting.NotOpen", "Voting on this case is not open.");
        VotingStatus = LiveBoard.VotingStatus.Closed;
        VotingClosedAtUtc = nowUtc;
        VotesCast = tally.VotesCast;
        Abstentions = tally.Abstentions;
        CentresRepresented = tally.CentresRepresented;
        WinningOptionId = tally.WinningOptionId;
        IsTie = tally.IsTie;
    }

    internal void Record(Recommendation recommendation, DateTime nowUtc)
    {
        if (VotingStatus != LiveBoard.VotingStatus.Closed)
            throw new DomainException("Recommendation.VoteNotClosed", "Close the vote before recording the recommendation.");
        if (Recommendation is not null)
            throw new DomainException("Recommendation.AlreadyRecorded", "The recommendation for this case has been recorded.");
        Recommendation = recommendation;
        Leave(nowUtc);
        Status = AgendaItemStatus.Discussed;
    }

    internal void ChangeMinutes(int minutes) => Minutes = ValidMinutes(minutes);

    internal void ChangePresenter(Guid? presenterId) => PresenterId = presenterId;

    internal void Defer(string reason)
    {
        Status = AgendaItemStatus.Deferred;
        DeferralReason = reason;
    }

    private static int ValidMinutes(int minutes) =>
        minutes is < MinMinutes or > MaxMinutes
            ? throw new DomainException("Agenda.MinutesInvalid", $"An item takes {MinMinutes} to {MaxMinutes} minutes.")
            : minutes;
}

/// <summary>A time an item was under discussion: from becoming the current item until the chair moved on or recorded the recommendation.</summary>
public sealed class DiscussionPeriod
{
    private DiscussionPeriod() { }

    internal DiscussionPeriod(DateTime startedAtUtc) => StartedAtUtc = startedAtUtc;

    public DateTime StartedAtUtc { get; private set; }

    public DateTime? EndedAtUtc { get; private set; }

    internal void End(DateTime nowUtc) => EndedAtUtc ??= nowUtc;
}
