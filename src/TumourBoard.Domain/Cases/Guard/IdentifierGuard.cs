namespace TumourBoard.Domain.Cases.Guard;

/// <summary>
/// Keeps identifying data out of case text. Every free-text and short-text field is scanned on the server
/// before a case is saved; any finding blocks the save. The scan normalises the text first (NFKC, invisible
/// characters removed) so full-width digits or a zero-width space inside a number do not get through, and
/// it runs in time linear in the length of the text: no backtracking regular expressions.
/// </summary>
public static class IdentifierGuard
{
    /// <summary>
    /// Finds identifying data in one text. Findings are ordered by position, do not nest, and their
    /// positions refer to <paramref name="text"/> as given.
    /// </summary>
    public static IReadOnlyList<IdentifierFinding> Scan(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];

        var normalised = NormalisedText.From(text);
        var found = new List<Candidate>();
        NetworkIdentifiers.FindInText(normalised.Text, found);
        using (var tokens = new TokenisedText(normalised.Text))
        {
            NationalNumbers.Find(tokens, found);
            NetworkIdentifiers.FindIpv4(tokens, found);
            PhoneNumbers.Find(tokens, found);
            FullDates.Find(tokens, found);
            Addresses.Find(tokens, found);
            RecordNumbers.Find(tokens, found);
            PersonalNames.Find(tokens, found);
        }

        return Resolve(found, normalised);
    }

    /// <summary>Scans several named fields of a case; the field name is passed through to each finding.</summary>
    public static IReadOnlyList<FieldFinding> ScanFields(IEnumerable<(string Field, string? Text)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var findings = new List<FieldFinding>();
        foreach (var (field, text) in fields)
        {
            foreach (var finding in Scan(text))
                findings.Add(new FieldFinding(field, finding));
        }

        return findings;
    }

    /// <summary>Throws <see cref="IdentifyingDataException"/> when any field contains identifying data.</summary>
    public static void EnsureNoIdentifyingData(IEnumerable<(string Field, string? Text)> fields)
    {
        var findings = ScanFields(fields);
        if (findings.Count > 0)
            throw new IdentifyingDataException(findings);
    }

    // Where two findings cover the same text the longer one wins ("NISS 85.07.30-033.28" is one national
    // number, not also a date); for the very same span the more specific kind, in enum order, wins.
    private static List<IdentifierFinding> Resolve(List<Candidate> found, NormalisedText normalised)
    {
        found.Sort(static (a, b) =>
            a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? b.End.CompareTo(a.End)
            : a.Kind.CompareTo(b.Kind));

        var findings = new List<IdentifierFinding>(found.Count);
        var coveredTo = -1;
        foreach (var candidate in found)
        {
            if (candidate.End <= coveredTo)
                continue;
            var (start, length) = normalised.ToOriginal(candidate.Start, candidate.End);
            findings.Add(new IdentifierFinding(candidate.Kind, start, length, candidate.SuggestedFix));
            coveredTo = candidate.End;
        }

        return findings;
    }
}
