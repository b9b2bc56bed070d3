using System.Globalization;

namespace TumourBoard.Domain.Tests.Cases.Guard;

// Fictitious Belgian national numbers with correct check digits, computed here rather than copied.
internal static class NationalNumberSamples
{
    // firstNine: YYMMDD and the 3-digit serial.
    public static string WithCheckDigits(string firstNine, bool bornFrom2000)
    {
        var number = long.Parse(firstNine, CultureInfo.InvariantCulture) + (bornFrom2000 ? 2_000_000_000L : 0);
        return firstNine + (97 - number % 97).ToString("00", CultureInfo.InvariantCulture);
    }

    public static string WithWrongCheckDigits(string firstNine, bool bornFrom2000)
    {
        var valid = WithCheckDigits(firstNine, bornFrom2000);
        var other = WithCheckDigits(firstNine, !bornFrom2000);
        for (var check = 1; ; check++)
        {
            var candidate = firstNine + check.ToString("00", CultureInfo.InvariantCulture);
            if (candidate != valid && candidate != other)
                return candidate;
        }
    }

    // 85073003328 written the official way: 85.07.30-033.28.
    public static string Formatted(string elevenDigits) =>
        $"{elevenDigits[..2]}.{elevenDigits[2..4]}.{elevenDigits[4..6]}-{elevenDigits[6..9]}.{elevenDigits[9..]}";
}
