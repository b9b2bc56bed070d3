using TumourBoard.Domain.Meetings;

namespace TumourBoard.Domain.Tests.Meetings;

public sealed class BoardTimeTests
{
    [Fact]
    public void ToUtc_ATimeSkippedBySpringChange_MovesForwardByTheGap()
    {
        var utc = BoardTime.ToUtc(new DateOnly(2026, 3, 29), new TimeOnly(2, 30));

        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void ToUtc_ATimeRepeatedByAutumnChange_TakesTheFirstOccurrence()
    {
        var utc = BoardTime.ToUtc(new DateOnly(2026, 10, 25), new TimeOnly(2, 30));

        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), utc);
    }
}
