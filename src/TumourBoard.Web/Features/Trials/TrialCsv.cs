using System.Text;

namespace TumourBoard.Web.Features.Trials;

/// <summary>One record of a CSV file and the line it starts on (1 is the header).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// The catalogue's CSV format (decision 0035): UTF-8 with a byte-order mark, a header row, semicolons between cells,
/// CRLF line ends, quoting as RFC 4180 says, several values in one cell separated by commas. Files written with commas
/// between cells are read too. A cell starting with = + - @ or a tab is written behind an apostrophe, so a spreadsheet
/// shows it as text and never runs it; reading takes that apostrophe off again.
/// </summary>
public static class TrialCsv
{
    public const char Delimiter = ';';

    public const string ListSeparator = ", ";

    public static readonly string[] Columns =
    [
        "eu_ct_number", "nct_number", "title", "phase", "status", "min_age_years", "min_age_months", "max_age_years", "max_age_months",
        "iccc3", "morphology", "markers", "sites", "contact",
    ];

    public static Encoding FileEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static string Header() => Line(Columns);

    public static string Line(IEnumerable<string?> cells) => Infrastructure.Csv.Line(cells, Delimiter);

    /// <summary>A cell as read: trimmed, with the apostrophe that neutralised a formula character removed.</summary>
    public static string Restore(string cell)
    {
        var value = cell.Trim();
        return value.Length > 1 && value[0] == '\'' && Infrastructure.Csv.IsFormulaStart(value[1]) ? value[1..] : value;
    }

    /// <summary>
    /// Reads every record of <paramref name="text"/>; the delimiter is the one the header line uses (semicolon or comma).
    /// Records whose cells are all empty (blank lines, the empty rows some spreadsheets append) are left out. A quote
    /// left open, or text after a closing quote, is reported with the line the record starts on.
    /// </summary>
    public static IReadOnlyList<CsvRecord> Parse(string text, List<ImportProblem> problems)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
            text = text[1..];
        var delimiter = DetectDelimiter(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var broken = false;
        var i = 0;

        void EndRecord()
        {
            fields.Add(cell.ToString());
            cell.Clear();
            if (!broken && fields.Any(f => f.Trim().Length > 0))
                records.Add(new CsvRecord(recordLine, fields.ToList()));
            fields.Clear();
            broken = false;
        }

        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    if (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n' && !broken)
                    {
                        problems.Add(new ImportProblem(recordLine, null, "Trials.Csv.QuoteInvalid"));
                        broken = true;
                    }
                    continue;
                }
                if (c == '\n')
                    line++;
                cell.Append(c);
                i++;
                continue;
            }

            if (c == '"' && cell.ToString().Trim().Length == 0)
            {
                cell.Clear();
                quoted = true;
                i++;
            }
            else if (c == delimiter)
            {
                fields.Add(cell.ToString());
                cell.Clear();
                i++;
            }
            else if (c is '\r' or '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                EndRecord();
                line++;
                recordLine = line;
            }
            else
            {
                cell.Append(c);
                i++;
            }
        }

        if (quoted)
        {
            problems.Add(new ImportProblem(recordLine, null, "Trials.Csv.QuoteUnclosed"));
            return records;
        }
        if (cell.Length > 0 || fields.Count > 0)
            EndRecord();
        return records;
    }

    private static char DetectDelimiter(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
                quoted = !quoted;
            else if (!quoted && c is '\r' or '\n')
                break;
            else if (!quoted && c == ';')
                semicolons++;
            else if (!quoted && c == ',')
                commas++;
        }
        return commas > semicolons ? ',' : ';';
    }
}
