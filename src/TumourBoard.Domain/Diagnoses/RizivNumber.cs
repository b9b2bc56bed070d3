using System.Diagnostics.CodeAnalysis;

namespace TumourBoard.Domain.Diagnoses;

/// <summary>
/// A Belgian RIZIV/INAMI practitioner number: 11 digits, written <c>1-23456-78-901</c> or without hyphens.
/// The first six digits number the practitioner (the first gives the profession, 1 for a physician), the next
/// two are check digits and the last three are the qualification code, which changes during a career
/// (e.g. when a trainee is recognised as a specialist) while the first eight stay the same.
/// </summary>
public sealed record RizivNumber
{
    public const string InvalidCode = "Riziv.NumberInvalid";

    private RizivNumber(string digits) => Digits = digits;

    /// <summary>The 11 digits without hyphens, e.g. <c>12345625901</c>.</summary>
    public string Digits { get; }

    /// <summary>The first eight digits, which identify the practitioner whatever their qualification.</summary>
    public string Practitioner => Digits[..8];

    /// <summary>The last three digits.</summary>
    public string QualificationCode => Digits[8..];

    /// <summary>The written form, e.g. <c>1-23456-25-901</c>.</summary>
    public override string ToString() => $"{Digits[..1]}-{Digits[1..6]}-{Digits[6..8]}-{Digits[8..]}";

    public static RizivNumber Parse(string? text) =>
        TryParse(text, out var number)
            ? number
            : throw new DomainException(InvalidCode, $"'{text}' is not a RIZIV/INAMI number such as 1-23456-25-901.");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out RizivNumber? number)
    {
        number = null;
        var span = (text ?? "").AsSpan().Trim();
        Span<char> digits = stackalloc char[11];
        if (span.Length == 14 && span[1] == '-' && span[7] == '-' && span[10] == '-')
        {
            span[..1].CopyTo(digits);
            span[2..7].CopyTo(digits[1..]);
            span[8..10].CopyTo(digits[6..]);
            span[11..].CopyTo(digits[8..]);
        }
        else if (span.Length == 11)
        {
            span.CopyTo(digits);
        }
        else
        {
            return false;
        }

        if (digits.ContainsAnyExceptInRange('0', '9') || int.Parse(digits[6..8]) != CheckDigits(int.Parse(digits[..6])))
            return false;

        number = new RizivNumber(digits.ToString());
        return true;
    }

    // Check digits = 97 - (first six digits mod 97), so a remainder of 0 gives 97 and 00 never occurs: the
    // "97 minus remainder" rule of other Belgian numbers such as the national register number.
    // Known gap: RIZIV announced a modulo-89 scheme in 2012 (note I 2012/26), used for nurses and midwives and,
    // by one software vendor's account, for physicians from 1 April 2019. Its formula was not found in a source
    // available when this was written, so numbers issued under it fail this check.
    internal static int CheckDigits(int practitionerNumber) => 97 - practitionerNumber % 97;
}
