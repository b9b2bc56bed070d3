using System.Globalization;

namespace TumourBoard.Domain.Cases.Guard;

// Dates with day, month and year, numeric (12/03/2015, 2015-03-12, 12.03.15) or written in English,
// French or Dutch (12 March 2015, le 1er janvier 2016, 3 mrt. 2015, March 12, 2015). Month and year alone
// are allowed, so the suggested fix is the month and year: "03/2015".
internal static class FullDates
{
    public static void Find(TokenisedText text, List<Candidate> found)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (text.IsNumber(i))
            {
                var last = MatchNumeric(text, i, found);
                if (last >= 0)
                    i = last;
            }
            else if (text.Has(i, WordRole.Month))
            {
                MatchWritten(text, i, found);
            }
        }
    }

    public static string MonthAndYear(int month, int year) => string.Create(CultureInfo.InvariantCulture, $"{month:00}/{year:0000}");

    private static int MatchNumeric(TokenisedText text, int i, List<Candidate> found)
    {
        var separator = text.SymbolAt(i + 1);
        if (!TokenisedText.IsNumericJoiner(separator) || !text.IsGlued(i + 1)
            || !(text.IsNumber(i + 2) && text.IsGlued(i + 2) && text.IsSymbol(i + 3, separator) && text.IsGlued(i + 3)
                 && text.IsNumber(i + 4) && text.IsGlued(i + 4))
            || !text.StartsCleanly(i) || !text.EndsCleanly(i + 4, allowGluedWord: true))
            return -1;

        int a = text.Value(i), b = text.Value(i + 2), c = text.Value(i + 4);
        int aLength = text.Length(i), bLength = text.Length(i + 2), cLength = text.Length(i + 4);
        int month, year;
        if (aLength <= 2 && bLength <= 2 && cLength is 2 or 4)
        {
            year = Year(c, cLength);
            if (IsDate(a, b, year))
                month = b;
            else if (IsDate(b, a, year))
                month = a; // 03/25/2015 written the American way
            else
                return -1;
        }
        else if (aLength == 4 && bLength <= 2 && cLength <= 2 && IsDate(c, b, a))
        {
            (month, year) = (b, a);
        }
        else
        {
            return -1;
        }

        found.Add(Candidate.Of(text, IdentifierKind.Date, i, i + 4, MonthAndYear(month, year)));
        return i + 4;
    }

    private static void MatchWritten(TokenisedText text, int monthToken, List<Candidate> found)
    {
        int month = text[monthToken].Month;
        var afterMonth = text.IsSymbol(monthToken + 1, '.') && text.IsGlued(monthToken + 1) ? monthToken + 1 : monthToken;

        var day = DayBefore(text, monthToken);
        if (day >= 0)
        {
            var yearToken = YearAfter(text, afterMonth, out var year);
            if (yearToken >= 0 && IsDate(text.Value(day), month, year))
                found.Add(Candidate.Of(text, IdentifierKind.Date, day, yearToken, MonthAndYear(month, year)));
            return;
        }

        // Month first: March 12, 2015; Mar 12th 2015.
        day = afterMonth + 1;
        if (!text.SameLine(day) || !IsDay(text, day))
            return;
        var beforeYear = text.Has(day + 1, WordRole.OrdinalSuffix) && text.IsGlued(day + 1) ? day + 1 : day;
        var last = YearAfter(text, beforeYear, out var monthFirstYear);
        if (last >= 0 && IsDate(text.Value(day), month, monthFirstYear))
            found.Add(Candidate.Of(text, IdentifierKind.Date, monthToken, last, MonthAndYear(month, monthFirstYear)));
    }

    // 12 March, 1st of March, 1er mars, 12-Mar-, 3de maart.
    private static int DayBefore(TokenisedText text, int monthToken)
    {
        if (!text.SameLine(monthToken))
            return -1;
        var k = monthToken - 1;
        if (text.Has(k, WordRole.Of) && text.IsSpaced(monthToken))
        {
            if (!text.SameLine(k))
                return -1;
            k--;
        }
        else if (TokenisedText.IsNumericJoiner(text.SymbolAt(k)) && text.IsGlued(monthToken) && text.IsGlued(k))
        {
            k--;
        }

        if (text.Has(k, WordRole.OrdinalSuffix) && text.IsGlued(k))
            k--;
        return IsDay(text, k) && text.StartsCleanly(k) ? k : -1;
    }

    private static int YearAfter(TokenisedText text, int previous, out int year)
    {
        year = 0;
        var k = previous + 1;
        if (!text.SameLine(k))
            return -1;
        if (text.SymbolAt(k) is ',' or '-' or '/' or '.')
        {
            k++;
            if (!text.SameLine(k))
                return -1;
        }

        var apostrophe = text.IsSymbol(k, '\'');
        if (apostrophe)
        {
            k++;
            if (!text.IsGlued(k))
                return -1;
        }

        if (!text.IsNumber(k))
            return -1;
        var value = text.Value(k);
        if (text.Length(k) == 4 && value is >= 1900 and <= 2099)
            year = value;
        else if (apostrophe && text.Length(k) == 2)
            year = Year(value, 2);
        else
            return -1;
        return text.EndsCleanly(k, allowGluedWord: true) ? k : -1;
    }

    private static bool IsDay(TokenisedText text, int k) =>
        text.IsNumber(k) && text.Length(k) <= 2 && text.Value(k) is >= 1 and <= 31;

    // Two-digit years: 00-49 are this century. Paediatric birth dates are recent.
    private static int Year(int value, int digits) =>
        digits == 4 ? (value is >= 1900 and <= 2099 ? value : -1) : value < 50 ? 2000 + value : 1900 + value;

    private static bool IsDate(int day, int month, int year) =>
        year > 0 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
