using TumourBoard.Domain.Common;
using TumourBoard.Domain.Meetings;

namespace TumourBoard.Domain.Tests.Meetings;

public sealed class MeetingTests
{
    private static Meeting Extra() =>
        Meeting.Extra(new DateTime(2026, 12, 3, 16, 0, 0, DateTimeKind.Utc), 60, "Urgent board", BoardLanguage.French, null, Guid.NewGuid());

    [Fact]
    public void Extra_IsPlannedWithItsChair()
    {
        var meeting = Extra();

        Assert.Equal(MeetingKind.Extra, meeting.Kind);
        Assert.Equal(MeetingStatus.Planned, meeting.Status);
        Assert.NotNull(meeting.ChairId);
        Assert.Equal(new DateTime(2026, 12, 3, 17, 0, 0, DateTimeKind.Utc), meeting.EndsAtUtc);
    }

    [Fact]
    public void Cancel_WithReason_CancelsTheMeeting()
    {
        var meeting = Extra();

        meeting.Cancel("Public holiday");

        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Equal("Public holiday", meeting.CancellationReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Cancel_WithoutReason_IsRefused(string reason)
    {
        var meeting = Extra();

        var refused = Assert.Throws<DomainException>(() => meeting.Cancel(reason));

        Assert.Equal("Meeting.CancelReasonRequired", refused.Code);
        Assert.Equal(MeetingStatus.Planned, meeting.Status);
    }

    [Fact]
    public void Cancel_Twice_IsRefused()
    {
        var meeting = Extra();
        meeting.Cancel("Moved");

        Assert.Throws<DomainException>(() => meeting.Cancel("Again"));
    }

    [Fact]
    public void Extra_WithLocalTime_IsRefused()
    {
        Assert.Throws<ArgumentException>(() =>
            Meeting.Extra(new DateTime(2026, 12, 3, 16, 0, 0, DateTimeKind.Local), 60, null, BoardLanguage.English, null, Guid.NewGuid()));
    }
}
