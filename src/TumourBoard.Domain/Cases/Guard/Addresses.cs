namespace TumourBoard.Domain.Cases.Guard;

// A street with a house number (rue de la Loi 16, 12 avenue Louise, Kerkstraat 12, 221B Baker Street,
// Grote Markt 1) and a Belgian postcode followed by a place (1200 Bruxelles, B-3000 Leuven).
// Street names must have a capitalised word, which keeps "took place on day 12" out.
internal static class Addresses
{
    public static void Find(TokenisedText text, List<Candidate> found)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (text.IsNumber(i))
            {
                MatchPostcode(text, i, found);
                continue;
            }

            if (!text.IsWord(i))
                continue;
            var roles = text[i].Roles;
            if ((roles & WordRole.StreetBefore) != 0)
                MatchStreetTypeFirst(text, i, found);
            if ((roles & WordRole.StreetAfter) != 0)
                MatchStreetTypeLast(text, i, found);
            if ((roles & WordRole.StreetCompound) != 0)
                MatchCompound(text, i, found);
        }
    }

    // rue de la Loi 16; 16, rue de la Loi; av. Hippocrate 10.
    private static void MatchStreetTypeFirst(TokenisedText text, int type, List<Candidate> found)
    {
        var nameStart = text.IsSymbol(type + 1, '.') && text.IsGlued(type + 1) ? type + 2 : type + 1;
        if (!text.IsSpaced(nameStart))
            return;
        var nameEnd = ReadNameForward(text, nameStart);
        if (nameEnd < 0)
            return;

        var house = text.IsSymbol(nameEnd + 1, ',') ? nameEnd + 2 : nameEnd + 1;
        if (text.SameLine(house) && !text.IsGlued(house) && IsHouseNumber(text, house))
        {
            found.Add(Candidate.Of(text, IdentifierKind.Address, type, HouseNumberEnd(text, house)));
            return;
        }

        var before = text.IsSymbol(type - 1, ',') ? type - 2 : type - 1;
        if (text.SameLine(before + 1) && IsHouseNumber(text, before) && text.StartsCleanly(before))
            found.Add(Candidate.Of(text, IdentifierKind.Address, before, nameEnd));
    }

    // Baker Street 221; Grote Markt 1; 221B Baker Street; 12 Main St.
    private static void MatchStreetTypeLast(TokenisedText text, int type, List<Candidate> found)
    {
        if (!text.IsSpaced(type))
            return;
        var nameStart = ReadNameBackward(text, type - 1);
        if (nameStart < 0)
            return;

        var typeEnd = text.IsSymbol(type + 1, '.') && text.IsGlued(type + 1) ? type + 1 : type;
        var house = text.IsSymbol(typeEnd + 1, ',') ? typeEnd + 2 : typeEnd + 1;
        if (text.SameLine(house) && !text.IsGlued(house) && IsHouseNumber(text, house))
        {
            found.Add(Candidate.Of(text, IdentifierKind.Address, nameStart, HouseNumberEnd(text, house)));
            return;
        }

        var before = nameStart - 1;
        if (text.IsSymbol(before, ','))
            before--;
        else if (text.IsWord(before) && text.Length(before) <= 3 && text.IsGlued(before) && text.IsNumber(before - 1))
            before--; // 221B
        if (text.SameLine(nameStart) && IsHouseNumber(text, before) && text.StartsCleanly(before))
            found.Add(Candidate.Of(text, IdentifierKind.Address, before, typeEnd));
    }

    // Kerkstraat 12, Sint-Pietersnieuwstraat 33, Hauptstraße 5.
    private static void MatchCompound(TokenisedText text, int street, List<Candidate> found)
    {
        var start = street;
        for (var n = 0; n < 4 && text.IsSymbol(start - 1, '-') && text.IsGlued(start) && text.IsGlued(start - 1) && text.StartsWithUpper(start - 2); n++)
            start -= 2;
        var house = text.IsSymbol(street + 1, ',') ? street + 2 : street + 1;
        if (text.SameLine(house) && IsHouseNumber(text, house))
            found.Add(Candidate.Of(text, IdentifierKind.Address, start, HouseNumberEnd(text, house)));
    }

    // 1200 Bruxelles, B-3000 Leuven, 1200 Woluwe-Saint-Lambert.
    private static void MatchPostcode(TokenisedText text, int number, List<Candidate> found)
    {
        if (text.Length(number) != 4 || text.Value(number) < 1000)
            return;
        var start = number;
        var prefixed = false;
        if (text.IsSymbol(number - 1, '-') && text.IsGlued(number) && text.IsGlued(number - 1) && IsCountryPrefix(text, number - 2))
        {
            start = number - 2;
            prefixed = true;
        }
        else if (IsCountryPrefix(text, number - 1) && text.IsSpaced(number))
        {
            start = number - 1;
            prefixed = true;
        }
        else if (!text.StartsCleanly(number))
        {
            return;
        }

        var place = number + 1;
        if (!text.IsSpaced(place) || !text.IsWord(place))
            return;
        var roles = text[place].Roles;
        var known = (roles & WordRole.KnownPlace) != 0;
        if (!known && (roles & (WordRole.NotAPlace | WordRole.NotAName | WordRole.Month)) != 0)
            return;
        var looksLikePlace = (text.IsCapitalised(place) && text.Length(place) >= 3)
            || (text.IsAllCaps(place) && text.Length(place) >= 4)
            || (prefixed && text.StartsWithUpper(place));
        if (!looksLikePlace)
            return;

        // 1900-2099 are also years: "in 2015 Emma relapsed". Those need more evidence of an address.
        // After a word ("in 2010 Leuven joined") it is a year even before a known place.
        var yearLike = text.Value(number) is >= 1900 and <= 2099;
        if (yearLike && !prefixed && ((!known && !text.IsSymbol(number - 1, ',')) || (text.IsWord(number - 1) && text.SameLine(number))))
            return;

        var end = place;
        for (var n = 0; n < 4 && text.IsSymbol(end + 1, '-') && text.IsGlued(end + 1) && text.IsGlued(end + 2) && text.StartsWithUpper(end + 2); n++)
            end += 2;
        found.Add(Candidate.Of(text, IdentifierKind.Address, start, end));
    }

    private static bool IsCountryPrefix(TokenisedText text, int k) =>
        (text.Has(k, WordRole.PostcodePrefix) && text.IsAllCaps(k)) || (text.IsWord(k) && text.Span(k) is "B");

    private static bool IsHouseNumber(TokenisedText text, int k)
    {
        if (!text.IsNumber(k) || text.Length(k) > 4 || text.Value(k) < 1)
            return false;

        // 12.5 or 12,5 is a measurement, not a house.
        var after = k + 1;
        return !(text.SymbolAt(after) is '.' or ',' && text.IsGlued(after) && text.IsNumber(after + 1) && text.IsGlued(after + 1));
    }

    // 16A, 12bis, 12 bus 3, 12 bte 2, 12/3.
    private static int HouseNumberEnd(TokenisedText text, int house)
    {
        var end = house;
        if (text.IsWord(end + 1) && text.IsGlued(end + 1) && text.Length(end + 1) <= 3)
            end++;
        if (text.Has(end + 1, WordRole.HouseNumberSuffix) && text.SameLine(end + 1))
        {
            var number = text.IsSymbol(end + 2, '.') ? end + 3 : end + 2;
            if (text.IsNumber(number) && text.SameLine(number))
                end = number;
        }
        else if (text.IsSymbol(end + 1, '/') && text.IsGlued(end + 1) && text.IsNumber(end + 2) && text.IsGlued(end + 2))
        {
            end += 2;
        }

        return end;
    }

    private static bool IsStreetNameWord(TokenisedText text, int k) =>
        text.IsCapitalised(k) && !text.Has(k, WordRole.Month | WordRole.PhysicianTitle | WordRole.NotAPlace);

    // Capitalised words with particles, hyphens and apostrophes between them: "de la Loi", "Saint-Lambert".
    private static int ReadNameForward(TokenisedText text, int k)
    {
        var last = -1;
        for (var n = 0; n < 8 && k < text.Count; n++, k++)
        {
            if (n > 0 && !text.SameLine(k))
                break;
            if (text.IsWord(k))
            {
                if (IsStreetNameWord(text, k))
                {
                    last = k;
                    continue;
                }

                if (text.Has(k, WordRole.NameParticle))
                    continue;
                break;
            }

            if (text.SymbolAt(k) is '-' or '\'' && text.IsGlued(k) && text.IsGlued(k + 1) && text.IsWord(k + 1))
                continue;
            break;
        }

        return last;
    }

    private static int ReadNameBackward(TokenisedText text, int k)
    {
        var first = -1;
        for (var n = 0; n < 6 && k >= 0 && text.SameLine(k + 1); n++, k--)
        {
            if (text.IsWord(k))
            {
                if (IsStreetNameWord(text, k))
                {
                    first = k;
                    continue;
                }

                if (first >= 0 && text.Has(k, WordRole.NameParticle))
                    continue;
                break;
            }

            if (text.SymbolAt(k) is '-' or '\'' && text.IsGlued(k) && text.IsGlued(k + 1) && text.IsWord(k - 1))
                continue;
            break;
        }

        return first;
    }
}
