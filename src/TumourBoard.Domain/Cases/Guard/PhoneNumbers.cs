namespace TumourBoard.Domain.Cases.Guard;

// Belgian numbers in national notation (02 764 11 11, 0475/12.34.56) and any number in international
// notation (+32 2 764 11 11, 0032 475 12 34 56, +33 1 23 45 67 89).
internal static class PhoneNumbers
{
    private const string Joiners = ".-/()";

    public static void Find(TokenisedText text, List<Candidate> found)
    {
        Span<int> groups = stackalloc int[8];
        Span<char> digits = stackalloc char[24];
        for (var i = 0; i < text.Count; i++)
        {
            int first;
            bool international;
            if (text.IsSymbol(i, '+'))
            {
                // "CD34+ 12", "D+28", "47,XY,+21": a plus glued to what comes before is not a phone prefix.
                if (!text.IsNumber(i + 1) || !text.IsGlued(i + 1)
                    || (i > 0 && text.IsGlued(i) && (text.IsWord(i - 1) || text.IsNumber(i - 1) || text.IsSymbol(i - 1, '+'))))
                    continue;
                first = i + 1;
                international = true;
            }
            else if (text.IsNumber(i) && text.Span(i)[0] == '0' && text.StartsCleanly(i))
            {
                first = i;
                international = false;
            }
            else
            {
                continue;
            }

            var count = NumberChain.Read(text, first, groups, Joiners, out _);
            var firstGroup = text.Span(first);
            var last = international || (firstGroup.Length >= 2 && firstGroup[1] == '0')
                ? MatchInternational(text, groups[..count], digits, international ? 0 : 2)
                : MatchNational(text, groups[..count], digits);
            if (last < 0)
                continue;
            found.Add(Candidate.Of(text, IdentifierKind.Phone, i, last));
            i = last;
        }
    }

    // Zone numbers have 9 digits (02 764 11 11, 016 33 22 11), mobiles 10 (0475 12 34 56).
    private static int MatchNational(TokenisedText text, ReadOnlySpan<int> groups, Span<char> digits)
    {
        var total = 0;
        var target = 0;
        for (var g = 0; g < groups.Length; g++)
        {
            var group = text.Span(groups[g]);
            var fits = g == 0
                ? group.Length is (>= 2 and <= 4) or 9 or 10
                : group.Length is 2 or 3 || (g == 1 && group.Length is >= 5 and <= 7);
            if (!fits)
                return -1;
            group.CopyTo(digits[total..]);
            total += group.Length;
            if (target == 0 && total >= 3)
                target = digits[1] == '4' && digits[2] is >= '6' and <= '9' ? 10 : 9;
            if (target > 0 && total >= target)
                return total == target && text.EndsCleanly(groups[g]) ? groups[g] : -1;
        }

        return -1;
    }

    private static int MatchInternational(TokenisedText text, ReadOnlySpan<int> groups, Span<char> digits, int countryCodeStart)
    {
        var total = 0;
        var lastGood = -1;
        for (var g = 0; g < groups.Length; g++)
        {
            var token = groups[g];
            var group = text.Span(token);

            // The trunk 0 some people keep in brackets: +32 (0)2 764 11 11.
            if (g > 0 && group is "0" && text.IsSymbol(token - 1, '(') && text.IsSymbol(token + 1, ')'))
                continue;
            if (total + group.Length > digits.Length)
                return lastGood;
            group.CopyTo(digits[total..]);
            total += group.Length;
            var number = digits[countryCodeStart..total];
            if (number.Length >= 3 && number.StartsWith("32"))
            {
                // Belgium: 8 digits after the country code, 9 for mobiles (4xx).
                var expected = number[2] == '4' ? 11 : 10;
                if (number.Length >= expected)
                    return number.Length == expected && text.EndsCleanly(token) ? token : -1;
                continue;
            }

            if (number.Length > 15)
                return lastGood;
            if (number.Length >= 8 && text.EndsCleanly(token))
                lastGood = token;
        }

        return lastGood;
    }
}
