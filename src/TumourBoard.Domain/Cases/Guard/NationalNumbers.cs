namespace TumourBoard.Domain.Cases.Guard;

// Belgian national register (INSZ/NISS) and BIS numbers: YYMMDD, a 3-digit serial and 2 check digits,
// where the check digits are 97 - (first nine digits mod 97), with 2 prefixed to the nine digits for
// people born from 2000. BIS numbers add 20 or 40 to the month.
internal static class NationalNumbers
{
    // The ways people write the 11 digits, as group lengths.
    private static readonly int[][] Shapes = [[2, 2, 2, 3, 2], [6, 3, 2], [2, 2, 2, 5], [6, 5], [9, 2], [11]];

    public static void Find(TokenisedText text, List<Candidate> found)
    {
        Span<int> groups = stackalloc int[5];
        Span<char> digits = stackalloc char[11];
        for (var i = 0; i < text.Count; i++)
        {
            if (!text.IsNumber(i) || text.Length(i) is not (2 or 6 or 9 or 11) || !text.StartsCleanly(i))
                continue;
            var count = NumberChain.Read(text, i, groups, ".-/", out var joinedMask);
            foreach (var shape in Shapes)
            {
                if (!Fits(text, groups[..count], shape))
                    continue;
                var last = groups[shape.Length - 1];
                if (!text.EndsCleanly(last))
                    continue;
                var written = 0;
                for (var g = 0; g < shape.Length; g++)
                {
                    text.Span(groups[g]).CopyTo(digits[written..]);
                    written += shape[g];
                }

                if (!IsNationalNumber(digits, shape, joinedMask))
                    continue;
                found.Add(Candidate.Of(text, IdentifierKind.NationalNumber, i, last));
                i = last;
                break;
            }
        }
    }

    public static bool HasValidCheckDigits(ReadOnlySpan<char> elevenDigits)
    {
        var firstNine = 0L;
        foreach (var digit in elevenDigits[..9])
            firstNine = firstNine * 10 + (digit - '0');
        var check = (elevenDigits[9] - '0') * 10 + (elevenDigits[10] - '0');
        return check == CheckDigits(firstNine, bornFrom2000: false) || check == CheckDigits(firstNine, bornFrom2000: true);
    }

    public static int CheckDigits(long firstNine, bool bornFrom2000) =>
        97 - (int)((bornFrom2000 ? 2_000_000_000L + firstNine : firstNine) % 97);

    // The first six digits could be a birth date: month 0-12 (+20 or +40 for BIS), day 0-31.
    public static bool HasPlausibleBirthDate(ReadOnlySpan<char> digits)
    {
        var month = (digits[2] - '0') * 10 + (digits[3] - '0');
        var day = (digits[4] - '0') * 10 + (digits[5] - '0');
        return month % 20 <= 12 && month <= 52 && day <= 31;
    }

    private static bool IsNationalNumber(ReadOnlySpan<char> digits, int[] shape, int joinedMask)
    {
        if (!HasPlausibleBirthDate(digits))
            return false;
        if (HasValidCheckDigits(digits))
            return true;

        // Someone typed it in the official layout (85.07.30-033.28, 850730-033-28): a mistyped check digit
        // does not make it anonymous. Plain digits and space-separated groups need the checksum.
        var joined = (joinedMask & ((1 << shape.Length) - 1)) != 0;
        return joined && shape.Length is 5 or 3 && shape[0] is 2 or 6;
    }

    private static bool Fits(TokenisedText text, ReadOnlySpan<int> groups, int[] shape)
    {
        if (groups.Length < shape.Length)
            return false;
        for (var g = 0; g < shape.Length; g++)
        {
            if (text.Length(groups[g]) != shape[g])
                return false;
        }

        return true;
    }
}
