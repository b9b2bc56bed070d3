namespace TumourBoard.Domain.Cases.Guard;

// A patient identifier after a label: MRN 12345678, n° de dossier : 2015/123456, EPD-nummer 1234567,
// INSZ 85073003328. The finding covers the identifier, not the label.
internal static class RecordNumbers
{
    // A year ("dossier 2019") is not a record number; record numbers are longer.
    private const int MinimumDigits = 5;

    public static void Find(TokenisedText text, List<Candidate> found)
    {
        for (var i = 0; i < text.Count; i++)
        {
            if (!text.Has(i, WordRole.RecordLabelEnd) || GuardLexicon.RecordLabels.MatchEndingAt(text, i) < 0)
                continue;

            // "MRN: 123", "n° de dossier : 123", "patient number is 123", "EPD-nr. 123".
            var first = i + 1;
            for (var n = 0; n < 4 && text.SameLine(first) && IsFiller(text, first); n++)
                first++;
            if (!text.SameLine(first))
                continue;
            var last = ReadIdentifier(text, first);
            if (last < 0)
                continue;
            found.Add(Candidate.Of(text, IdentifierKind.RecordNumber, first, last));
            i = last;
        }
    }

    private static bool IsFiller(TokenisedText text, int k) =>
        text.Has(k, WordRole.RecordFiller) || text.SymbolAt(k) is ':' or '#' or '=' or '-' or '.' or '°' or '(';

    // Letters, digits and - / . _ run together ("UZL-2015/000123", "A1234567"), or digit groups separated
    // by spaces ("123 456 789"). Needs at least five digits, so "IPP 40 mg" (a proton-pump inhibitor) passes.
    private static int ReadIdentifier(TokenisedText text, int k)
    {
        if (!text.IsNumber(k) && !text.IsWord(k))
            return -1;
        var last = k;
        var digits = text.IsNumber(k) ? text.Length(k) : 0;
        for (var n = 0; n < 16; n++)
        {
            var next = last + 1;
            if (text.IsGlued(next) && (text.IsNumber(next) || text.IsWord(next)))
            {
                last = next;
            }
            else if (text.IsGlued(next) && text.SymbolAt(next) is '-' or '/' or '.' or '_'
                     && text.IsGlued(next + 1) && (text.IsNumber(next + 1) || text.IsWord(next + 1)))
            {
                last = next + 1;
            }
            else if (text.IsSpaced(next) && text.IsNumber(next) && text.IsNumber(last) && text.Length(next) <= 4)
            {
                last = next;
            }
            else
            {
                break;
            }

            if (text.IsNumber(last))
                digits += text.Length(last);
        }

        return digits >= MinimumDigits ? last : -1;
    }
}
