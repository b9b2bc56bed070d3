using TumourBoard.Domain.Reporting;

namespace TumourBoard.Domain.Tests.Reporting;

public sealed class ReportingPeriodTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void NoEnds_IsTheTwelveMonthsUpToToday()
    {
        var period = ReportingPeriod.Of(null, null, Today);

        Assert.Equal(new DateOnly(2025, 11, 23), period.From);
        Assert.Equal(Today, period.To);
    }

    [Fact]
    public void Days_AreBrusselsDays_BothEndsIncluded()
    {
        var period = ReportingPeriod.Of(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31), Today);

        Assert.Equal(new DateTime(2026, 6, 30, 22, 0, 0, DateTimeKind.Utc), period.StartUtc);
        Assert.Equal(new DateTime(2026, 7, 31, 22, 0, 0, DateTimeKind.Utc), period.EndUtc);
        Assert.True(period.Contains(new DateTime(2026, 7, 31, 21, 59, 59, DateTimeKind.Utc)));
        Assert.False(period.Contains(new DateTime(2026, 7, 31, 22, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void StartAfterEnd_IsRefused() =>
        Assert.Equal("Period.Invalid", Assert.Throws<DomainException>(() => ReportingPeriod.Of(new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 1), Today)).Code);

    [Fact]
    public void MoreThanFiveYears_IsRefused_FiveIsNot()
    {
        Assert.Equal("Period.LengthInvalid", Assert.Throws<DomainException>(() => ReportingPeriod.Of(new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 2), Today)).Code);
        Assert.Equal(new DateOnly(2020, 1, 2), ReportingPeriod.Of(new DateOnly(2020, 1, 2), new DateOnly(2025, 1, 2), Today).From);
    }
}

public sealed class DurationSummaryTests
{
    [Fact]
    public void OddCount_MedianIsTheMiddle_P90IsTheNearestRank()
    {
        var summary = DurationSummary.Of([30, 1, 9, 14, 7, 15, 3, 8, 2, 20, 4]);

        Assert.Equal(11, summary.Count);
        Assert.Equal(8, summary.MedianDays);
        Assert.Equal(20, summary.Percentile90Days);
        Assert.Equal(30, summary.MaxDays);
    }

    [Fact]
    public void EvenCount_MedianIsBetweenTheTwoMiddleValues() =>
        Assert.Equal(7.5, DurationSummary.Of([7, 8, 1, 30]).MedianDays);

    [Fact]
    public void Bands_CountEachDurationOnce_TheLastOneOpen()
    {
        var summary = DurationSummary.Of([0, 7, 8, 14, 15, 28, 29, 400]);

        Assert.Equal([(0, (int?)7, 2), (8, 14, 2), (15, 28, 2), (29, null, 2)], summary.Bands.Select(b => (b.FromDays, b.ToDays, b.Count)));
    }

    [Fact]
    public void Nothing_HasNoMedianAndEmptyBands()
    {
        var summary = DurationSummary.Of([]);

        Assert.Equal(0, summary.Count);
        Assert.Null(summary.MedianDays);
        Assert.Null(summary.Percentile90Days);
        Assert.All(summary.Bands, b => Assert.Equal(0, b.Count));
    }
}
