namespace TumourBoard.Domain.LiveBoard;

/// <summary>
/// A member's vote on one agenda item: one row per item and voter, changed in place until the vote closes; an
/// abstention has no option.
/// </summary>
public sealed class Vote
{
    private Vote() { }

    public Vote(int agendaItemId, Guid voterId, int? centreId, int? optionId, DateTime nowUtc)
    {
        AgendaItemId = agendaItemId;
        VoterId = voterId;
        CentreId = centreId;
        OptionId = optionId;
        CastAtUtc = nowUtc;
        ChangedAtUtc = nowUtc;
    }

    public long Id { get; private set; }

    public int AgendaItemId { get; private set; }

    public Guid VoterId { get; private set; }

    public int? CentreId { get; private set; }

    public int? OptionId { get; private set; }

    public DateTime CastAtUtc { get; private set; }

    public DateTime ChangedAtUtc { get; private set; }
}

/// <summary>Someone's time in a meeting room: joined and, once every window of theirs closed, left.</summary>
public sealed class Attendance
{
    private Attendance() { }

    public Attendance(int meetingId, Guid userId, string role, int? centreId, People.Discipline discipline, DateTime joinedAtUtc)
    {
        MeetingId = meetingId;
        UserId = userId;
        Role = role;
        CentreId = centreId;
        Discipline = discipline;
        JoinedAtUtc = joinedAtUtc;
    }

    public long Id { get; private set; }

    public int MeetingId { get; private set; }

    public Guid UserId { get; private set; }

    public string Role { get; private set; } = "";

    public int? CentreId { get; private set; }

    public People.Discipline Discipline { get; private set; }

    public DateTime JoinedAtUtc { get; private set; }

    public DateTime? LeftAtUtc { get; private set; }

    public void Leave(DateTime nowUtc) => LeftAtUtc ??= nowUtc;
}
