namespace TumourBoard.Domain.Trials;

/// <summary>
/// A trial's eligible ages in completed years and months, both ends included: 1 y 0 m to 17 y 11 m admits a child from
/// their first birthday until the day before their eighteenth.
/// </summary>
public readonly record struct AgeRange(int MinMonths, int MaxMonths)
{
    public const int MaxYears = 99;

    public static AgeRange Of(int minYears, int minMonths, int maxYears, int maxMonths) =>
        new(minYears * 12 + minMonths, maxYears * 12 + maxMonths);

    public int MinYearsPart => MinMonths / 12;

    public int MinMonthsPart => MinMonths % 12;

    public int MaxYearsPart => MaxMonths / 12;

    public int MaxMonthsPart => MaxMonths % 12;

    public bool Contains(int years, int months) => years * 12 + months is var age && age >= MinMonths && age <= MaxMonths;

    /// <summary>In English, for CSV-free places without a localizer (logs are not among them: ages are case content).</summary>
    public override string ToString() => $"{Describe(MinMonths)} to {Describe(MaxMonths)}";

    private static string Describe(int months) => months % 12 == 0 ? $"{months / 12} y" : $"{months / 12} y {months % 12} m";
}
