namespace TumourBoard.Domain.Cases.Guard;

// A person's name signalled by a title (Mme Dupont, Dhr. Peeters), a label (Nom : Dupont) or a relation
// (patient Emma, la patiente Léa, moeder Anna). Physicians (Dr X, Prof. X) are not patient data. After a
// relation the next word must be capitalised and not a known common word or eponym, so "patient received"
// and "patient Wilms tumour" pass.
internal static class PersonalNames
{
    private const int LongestName = 6;

    public static void Find(TokenisedText text, List<Candidate> found)
    {
        for (var i = 0; i < text.Count; i++)
        {
            var last = -1;
            if (text.IsSymbol(i, ':'))
                last = MatchLabel(text, i, found);
            else if (text.Has(i, WordRole.Title))
                last = MatchTitle(text, i, found);
            else if (text.Has(i, WordRole.Relation))
                last = MatchRelation(text, i, found);
            if (last > i)
                i = last;
        }
    }

    // Mme Dupont, M. Dupont, Mevrouw Van den Broeck, Mr J. Smith, Mme DUPONT Marie.
    private static int MatchTitle(TokenisedText text, int title, List<Candidate> found)
    {
        var word = text.Span(title);

        // MR and MS in capitals are imaging and multiple sclerosis; "M" needs its dot; "miss" is also a verb.
        if (text.IsAllCaps(title) && word.Length <= 3)
            return -1;
        if (word.Length == 1 && (word[0] != 'M' || !text.IsSymbol(title + 1, '.') || !text.IsGlued(title + 1)))
            return -1;
        if (word.Equals("miss", StringComparison.OrdinalIgnoreCase) && !char.IsUpper(word[0]))
            return -1;

        // "Dr M. Dupont": the initial of a physician, not a title.
        var before = text.IsSymbol(title - 1, '.') ? title - 2 : title - 1;
        if (text.Has(before, WordRole.PhysicianTitle) && text.SameLine(title))
            return -1;

        var first = title + 1;
        var hasDot = text.IsSymbol(first, '.') && text.IsGlued(first);
        if (hasDot)
            first++;
        if (!text.SameLine(first) || (!hasDot && !text.IsSpaced(first)))
            return -1;
        var last = ReadName(text, first, allowCapitals: true);
        if (last < 0)
            return -1;
        found.Add(Candidate.Of(text, IdentifierKind.Name, first, last));
        return last;
    }

    // patient Emma, la patiente Léa Martin, moeder Anna, mother: Sofie, le père, Marc, ..., the mother (Sarah).
    private static int MatchRelation(TokenisedText text, int relation, List<Candidate> found)
    {
        var first = relation + 1;
        var closer = text.SymbolAt(first) switch
        {
            ',' => ',',
            '(' => ')',
            _ => '\0',
        };
        // "Mother: Sofie Claes" names her as plainly as "mother Sofie".
        var labelled = text.SymbolAt(first) == ':' && text.SameLine(first);
        if ((closer != '\0' || labelled) && text.SameLine(first))
            first++;
        else if (!text.IsSpaced(first))
            return -1;
        if (!text.SameLine(first) || !IsNameWord(text, first, allowCapitals: false))
            return -1;
        var last = first;
        for (var n = 0; n < 3; n++)
        {
            if (text.IsSpaced(last + 1) && IsNameWord(text, last + 1, allowCapitals: false))
                last++;
            else if (text.IsSymbol(last + 1, '-') && text.IsGlued(last + 1) && text.IsGlued(last + 2) && IsNameWord(text, last + 2, allowCapitals: false))
                last += 2;
            else
                break;
        }

        // Set off by commas or brackets, the word must be all there is: "the mother, Sarah, said".
        if (closer != '\0' && !text.IsSymbol(last + 1, closer))
            return -1;
        found.Add(Candidate.Of(text, IdentifierKind.Name, first, last));
        return last;
    }

    // Name: Emma; Nom : dupont; Naam patiënt: Van den Broeck. A label starts a line or follows punctuation,
    // so "Drug name: vincristine" is not taken for a person.
    private static int MatchLabel(TokenisedText text, int colon, List<Candidate> found)
    {
        var labelEnd = colon - 1;
        if (!text.Has(labelEnd, WordRole.NameLabelEnd) || !text.SameLine(colon))
            return -1;
        var labelStart = GuardLexicon.NameLabels.MatchEndingAt(text, labelEnd);
        if (labelStart < 0 || (labelStart > 0 && text.SameLine(labelStart) && text.IsWord(labelStart - 1)))
            return -1;

        var first = colon + 1;
        if (!text.SameLine(first) || !text.IsWord(first))
            return -1;
        int last;
        if (text.Has(first, WordRole.NameParticle))
        {
            last = ReadName(text, first, allowCapitals: true);
        }
        else
        {
            // After a label the value is a name whatever its case.
            if (text.Has(first, WordRole.NotAName))
                return -1;
            last = first;
            if (text.IsSpaced(first + 1) || (text.IsSymbol(first + 1, '-') && text.IsGlued(first + 1)))
            {
                var more = ReadName(text, text.IsSymbol(first + 1, '-') ? first + 2 : first + 1, allowCapitals: true);
                if (more > last)
                    last = more;
            }
        }

        if (last < 0)
            return -1;
        found.Add(Candidate.Of(text, IdentifierKind.Name, first, last));
        return last;
    }

    // Capitalised words, initials, particles before a capitalised word, hyphens and apostrophes inside:
    // "Marie-Claire", "Van den Broeck", "J. Smith", "O'Brien".
    private static int ReadName(TokenisedText text, int k, bool allowCapitals)
    {
        var last = -1;
        for (var n = 0; n < LongestName && k < text.Count; n++, k++)
        {
            if (n > 0 && !text.SameLine(k))
                break;
            if (text.IsWord(k))
            {
                if (text.Length(k) == 1 && text.StartsWithUpper(k) && text.IsSymbol(k + 1, '.') && text.IsGlued(k + 1))
                {
                    last = ++k;
                    continue;
                }

                // Particles (van, de, le) and the O of O'Brien count only when a name word follows.
                if (text.Has(k, WordRole.NameParticle)
                    || (text.Length(k) == 1 && text.StartsWithUpper(k) && text.IsSymbol(k + 1, '\'') && text.IsGlued(k + 1)))
                    continue;
                if (IsNameWord(text, k, allowCapitals))
                {
                    last = k;
                    continue;
                }

                break;
            }

            if (text.SymbolAt(k) is '-' or '\'' && text.IsGlued(k) && text.IsGlued(k + 1) && text.IsWord(k + 1))
                continue;
            break;
        }

        return last;
    }

    private static bool IsNameWord(TokenisedText text, int k, bool allowCapitals) =>
        (text.IsCapitalised(k) || (allowCapitals && text.IsAllCaps(k))) && !text.Has(k, WordRole.NotAName);
}
