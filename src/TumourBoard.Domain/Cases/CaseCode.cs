using System.Globalization;

namespace TumourBoard.Domain.Cases;

/// <summary>The platform's pseudonymous case code: BSPHO-year-number, from a per-year counter, never from patient data.</summary>
public static class CaseCode
{
    public const string Prefix = "BSPHO";

    public static string Format(int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{year:0000}-{number:0000}");
}
