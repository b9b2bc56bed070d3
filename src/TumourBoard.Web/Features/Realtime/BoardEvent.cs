namespace TumourBoard.Web.Features.Realtime;

/// <summary>Names of the events that change what people see of a meeting.</summary>
public static class BoardEventTypes
{
    public const string AgendaChanged = "AgendaChanged";
    public const string MeetingChanged = "MeetingChanged";
    public const string CurrentItemChanged = "CurrentItemChanged";
    public const string PresenceChanged = "PresenceChanged";
    public const string VotingOpened = "VotingOpened";
    public const string TallyChanged = "TallyChanged";
    public const string VotingClosed = "VotingClosed";
    public const string RecommendationRecorded = "RecommendationRecorded";

    /// <summary>Events of the meeting may have been missed (the instance lost PostgreSQL for a while): read everything again.</summary>
    public const string Resynchronised = "Resynchronised";
}

/// <summary>
/// Something changed in a meeting. Small on purpose: it says what and where; readers re-query the state they show,
/// so an event never carries case content and a missed event is healed by the next read.
/// </summary>
public sealed record BoardEvent(string Type, int MeetingId, int? ItemId, DateTime AtUtc, int? Count = null);
