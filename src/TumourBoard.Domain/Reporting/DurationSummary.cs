namespace TumourBoard.Domain.Reporting;

/// <summary>How long something took over a set of cases, in whole days: count, median, 90th percentile, longest, and how many fell in each band.</summary>
public sealed record DurationSummary(int Count, double? MedianDays, int? Percentile90Days, int? MaxDays, IReadOnlyList<DurationBand> Bands)
{
    /// <summary>Upper bounds of the bands, in days; the last band is open.</summary>
    public static readonly int[] BandLimits = [7, 14, 28];

    public static DurationSummary Of(IEnumerable<int> days)
    {
        var sorted = days.Order().ToArray();
        var bands = new List<DurationBand>();
        var lower = 0;
        foreach (var limit in BandLimits)
        {
            bands.Add(new DurationBand(lower, limit, sorted.Count(d => d >= lower && d <= limit)));
            lower = limit + 1;
        }
        bands.Add(new DurationBand(lower, null, sorted.Count(d => d >= lower)));
        if (sorted.Length == 0)
            return new DurationSummary(0, null, null, null, bands);
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        // Nearest rank: the smallest value with at least 90 % of the values at or below it.
        var p90 = sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1];
        return new DurationSummary(sorted.Length, median, p90, sorted[^1], bands);
    }
}

/// <summary>Cases that took <see cref="FromDays"/> to <see cref="ToDays"/> days (open-ended when null).</summary>
public sealed record DurationBand(int FromDays, int? ToDays, int Count);
