// The ICCC-3 table read here is iccc3.csv, embedded in this assembly. It is the SEER site/histology
// recode "ICCC Recode Third Edition ICD-O-3/IARC 2017" (https://seer.cancer.gov/iccc/iccc-iarc-2017.html),
// taken from Information Management Services' imsweb/algorithms repository,
// src/main/resources/iccc/iccc-data-third-edition-iarc-2017.csv (last changed in commit 7ddbc0c5, 2023-09-12),
// with group names from the same repository's parse of SEER's 2005 ICCC-3 table.
// Classification: Steliarova-Foucher E, Stiller C, Lacour B, Kaatsch P. International Classification of
// Childhood Cancer, third edition. Cancer 2005;103:1457-67.
// How the file was converted, its licence and its known limits: docs/reference-data.md.

using System.Collections.Frozen;

namespace TumourBoard.Domain.Diagnoses;

internal sealed class Iccc3Table
{
    internal const string ResourceName = "TumourBoard.Domain.Diagnoses.iccc3.csv";

    private static readonly string[] _columns =
    [
        "group", "group_name", "subgroup", "subgroup_name", "extended_subgroup", "extended_subgroup_name",
        "morphology", "behaviour", "topography", "seer_recode", "seer_extended_recode", "notes",
    ];

    // A histology narrows the 144 rows to those that mention it: at most 17 (carcinoma codes), about 5 on average.
    private readonly FrozenDictionary<int, Iccc3Row[]> _rowsByHistology;

    private Iccc3Table(IReadOnlyList<Iccc3Row> rows, IReadOnlyList<Iccc3Group> groups)
    {
        Rows = rows;
        Groups = groups;
        _rowsByHistology = rows
            .SelectMany(row => row.Histologies.SelectMany(range => range.Codes()).Distinct().Select(code => (code, row)))
            .GroupBy(pair => pair.code, pair => pair.row)
            .ToFrozenDictionary(group => group.Key, group => group.ToArray());
    }

    public IReadOnlyList<Iccc3Row> Rows { get; }

    public IReadOnlyList<Iccc3Group> Groups { get; }

    public Iccc3Classification Classify(int histology, TumourBehaviour behaviour, int site)
    {
        // The rows are mutually exclusive (a test checks this), so the first match is the only one.
        if (_rowsByHistology.TryGetValue(histology, out var candidates))
        {
            foreach (var row in candidates)
            {
                if (row.Matches(behaviour, site))
                    return row.Classification;
            }
        }

        return Iccc3Classification.NotClassified;
    }

    public IEnumerable<Iccc3Row> RowsMatching(int histology, TumourBehaviour behaviour, int site) =>
        Rows.Where(row => row.Covers(histology) && row.Matches(behaviour, site));

    public static Iccc3Table LoadEmbedded()
    {
        using var stream = typeof(Iccc3Table).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the Domain assembly.");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }

    public static Iccc3Table Load(TextReader reader)
    {
        var header = reader.ReadLine() ?? throw new InvalidDataException("The ICCC-3 table is empty.");
        if (!Csv.SplitLine(header, 1).SequenceEqual(_columns))
            throw new InvalidDataException($"The ICCC-3 table's header is not {string.Join(',', _columns)}.");

        // Equal classifications share one instance, so every row of a division returns the same object.
        var classifications = new Dictionary<Iccc3Classification, Iccc3Classification>();
        var groups = new List<Iccc3Group>();
        var rows = new List<Iccc3Row>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            var fields = Csv.SplitLine(line, lineNumber);
            if (fields.Length != _columns.Length)
                throw new InvalidDataException($"Line {lineNumber} of the ICCC-3 table has {fields.Length} fields, not {_columns.Length}.");

            var parsed = new Iccc3Classification(
                fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[9], fields[10]);
            if (!classifications.TryGetValue(parsed, out var classification))
                classifications.Add(parsed, classification = parsed);

            if (groups.Count == 0 || groups[^1].Numeral != classification.Group)
                groups.Add(new Iccc3Group(GroupNumber(classification.SeerRecode, lineNumber), classification.Group, classification.GroupName));

            rows.Add(new Iccc3Row(
                classification,
                ParseRanges(fields[6], prefix: null, lineNumber),
                BehaviourMask(fields[7], lineNumber),
                ParseRanges(fields[8], prefix: 'C', lineNumber),
                fields[11]));
        }

        return new Iccc3Table(rows, groups);
    }

    private static int GroupNumber(string seerRecode, int lineNumber) =>
        seerRecode.Length == 3 && int.TryParse(seerRecode.AsSpan(0, 2), out var number) && number is >= 1 and <= 12
            ? number
            : throw new InvalidDataException($"Line {lineNumber}: SEER recode '{seerRecode}' does not start with a group number 01 to 12.");

    private static int BehaviourMask(string field, int lineNumber)
    {
        var mask = 0;
        foreach (var range in ParseRanges(field, prefix: null, lineNumber))
        {
            foreach (var code in range.Codes())
            {
                if (!Enum.IsDefined((TumourBehaviour)code))
                    throw new InvalidDataException($"Line {lineNumber}: {code} is not an ICD-O-3 behaviour code.");
                mask |= Iccc3Row.BehaviourBit((TumourBehaviour)code);
            }
        }

        return mask;
    }

    // "9811-9819,9837" or "C000-C419,C422": comma-separated codes, a-b being an inclusive range.
    private static CodeRange[] ParseRanges(string field, char? prefix, int lineNumber)
    {
        var ranges = new List<CodeRange>();
        foreach (var item in field.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = item.Split('-');
            if (bounds.Length > 2)
                throw new InvalidDataException($"Line {lineNumber}: '{item}' is not a code or a range.");
            var first = ParseCode(bounds[0], prefix, lineNumber);
            var last = bounds.Length == 2 ? ParseCode(bounds[1], prefix, lineNumber) : first;
            if (last < first)
                throw new InvalidDataException($"Line {lineNumber}: range '{item}' runs backwards.");
            ranges.Add(new CodeRange(first, last));
        }

        return [.. ranges];
    }

    private static int ParseCode(string text, char? prefix, int lineNumber)
    {
        var digits = text.AsSpan();
        if (prefix is { } letter)
        {
            if (digits.Length == 0 || digits[0] != letter)
                throw new InvalidDataException($"Line {lineNumber}: '{text}' does not start with {letter}.");
            digits = digits[1..];
        }

        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9')
            ? int.Parse(digits)
            : throw new InvalidDataException($"Line {lineNumber}: '{text}' is not a code.");
    }

    private static class Csv
    {
        // Enough of RFC 4180 for this file: quoted fields with commas, "" for a quote, no line breaks inside.
        public static string[] SplitLine(string line, int lineNumber)
        {
            var fields = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c != '"')
                        field.Append(c);
                    else if (i + 1 < line.Length && line[i + 1] == '"')
                        field.Append(line[++i]);
                    else
                        quoted = false;
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(c);
                }
            }

            if (quoted)
                throw new InvalidDataException($"Line {lineNumber} of the ICCC-3 table has an unclosed quote.");
            fields.Add(field.ToString());
            return [.. fields];
        }
    }
}

internal sealed record Iccc3Row(
    Iccc3Classification Classification,
    CodeRange[] Histologies,
    int BehaviourMask,
    CodeRange[] Sites,
    string Notes)
{
    public static int BehaviourBit(TumourBehaviour behaviour) => 1 << (int)behaviour;

    public bool Covers(int histology) => AnyContains(Histologies, histology);

    public bool Matches(TumourBehaviour behaviour, int site) =>
        (BehaviourMask & BehaviourBit(behaviour)) != 0 && AnyContains(Sites, site);

    private static bool AnyContains(CodeRange[] ranges, int code)
    {
        foreach (var range in ranges)
        {
            if (range.Contains(code))
                return true;
        }

        return false;
    }
}

internal readonly record struct CodeRange(int First, int Last)
{
    public bool Contains(int code) => code >= First && code <= Last;

    public bool Overlaps(CodeRange other) => First <= other.Last && other.First <= Last;

    public IEnumerable<int> Codes() => Enumerable.Range(First, Last - First + 1);
}
