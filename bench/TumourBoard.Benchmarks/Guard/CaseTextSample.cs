using System.Text;
using TumourBoard.Domain.Cases;

namespace TumourBoard.Benchmarks.Guard;

/// <summary>
/// Clean case text the guard scans on a save: the text fields of a whole case as
/// <see cref="PatientCase.TextFields"/> yields them, or one large block of such text.
/// </summary>
public sealed class CaseTextSample
{
    private const string ResourcePrefix = "TumourBoard.Benchmarks.Guard.CaseText.";

    private CaseTextSample(string name, IReadOnlyList<(string Field, string? Text)> fields)
    {
        Name = name;
        Fields = fields;
        Utf8Bytes = fields.Sum(field => (long)Encoding.UTF8.GetByteCount(field.Text ?? ""));
        Characters = fields.Sum(field => field.Text?.Length ?? 0);
    }

    public string Name { get; }

    public IReadOnlyList<(string Field, string? Text)> Fields { get; }

    public long Utf8Bytes { get; }

    public int Characters { get; }

    /// <summary>One case per language, then the three together repeated to one field of 1 MiB.</summary>
    public static IReadOnlyList<CaseTextSample> All { get; } = Build();

    public override string ToString() => Name; // how BenchmarkDotNet names the parameter

    private static List<CaseTextSample> Build()
    {
        (string Language, string Name)[] languages = [("en", "English"), ("fr", "French"), ("nl", "Dutch")];
        var cases = languages
            .Select(language => new CaseTextSample(
                $"{language.Name} case",
                [.. PatientCase.TextFields(ReadCase(language.Language))]))
            .ToList();

        var block = string.Join("\n\n", cases.SelectMany(c => c.Fields).Select(field => field.Text));
        var oneMebibyte = new StringBuilder(GuardAdversarialBenchmarks.InputLength + block.Length);
        while (oneMebibyte.Length < GuardAdversarialBenchmarks.InputLength)
            oneMebibyte.Append(block).Append("\n\n");
        cases.Add(new CaseTextSample("All three, one 1 MiB text", [("history", oneMebibyte.ToString())]));
        return cases;
    }

    // case-xx.txt: "== field" starts a field, "== option" holds "label | detail", lines starting with # are notes.
    private static CaseContent ReadCase(string language)
    {
        var fields = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        var options = new List<OptionContent>();
        StringBuilder? current = null;
        foreach (var line in ReadResource($"case-{language}.txt").ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                current = line == "== option" ? null : fields[line[3..]] = new StringBuilder();
                continue;
            }

            if (current is null)
            {
                var parts = line.Split(" | ", 2);
                options.Add(new OptionContent(parts[0], parts.Length > 1 ? parts[1] : null));
            }
            else
            {
                current.Append(current.Length > 0 ? "\n" : "").Append(line);
            }
        }

        string? Field(string name) => fields.TryGetValue(name, out var text) ? text.ToString() : null;
        return new CaseContent
        {
            DiagnosisLabel = Field("diagnosisLabel") ?? "",
            Stage = Field("stage"),
            History = Field("history"),
            PathologyAndMolecular = Field("pathologyAndMolecular"),
            Imaging = Field("imaging"),
            Comorbidities = Field("comorbidities"),
            Question = Field("question") ?? "",
            Options = options,
        };
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(CaseTextSample).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"Embedded case text {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
