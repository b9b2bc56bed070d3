using System.Text;

namespace TumourBoard.Web.Infrastructure;

/// <summary>
/// CSV as RFC 4180 writes it (CRLF, fields quoted when they hold a comma or semicolon, a quote or a line break, so a
/// reader guessing either separator splits them alike), with a leading formula character neutralised so that a
/// spreadsheet shows a cell instead of running it.
/// </summary>
public static class Csv
{
    public static string Field(string? value, char separator = ',')
    {
        if (string.IsNullOrEmpty(value))
            return "";
        if (IsFormulaStart(value[0]))
            value = "'" + value;
        return value.IndexOfAny([separator, ',', ';', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    /// <summary>A character that makes a spreadsheet read a cell as a formula.</summary>
    public static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Line(IEnumerable<string?> fields, char separator = ',') =>
        string.Join(separator, fields.Select(f => Field(f, separator))) + "\r\n";

    /// <summary>A whole small table as UTF-8 bytes, with a byte order mark so that spreadsheets read accents right.</summary>
    public static byte[] Document(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows, char separator = ',')
    {
        var text = new StringBuilder(Line(header, separator));
        foreach (var row in rows)
            text.Append(Line(row, separator));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
