namespace TumourBoard.Web.Data;

/// <summary>
/// One open window of someone in a meeting room (a circuit or a hub connection), on some instance. Presence is the set
/// of connections seen recently: an instance that dies stops refreshing its rows and they expire.
/// </summary>
public sealed class RoomConnection
{
    public string ConnectionId { get; set; } = "";

    public int MeetingId { get; set; }

    public Guid UserId { get; set; }

    public string InstanceId { get; set; } = "";

    public DateTime ConnectedAtUtc { get; set; }

    public DateTime LastSeenAtUtc { get; set; }
}
