using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TumourBoard.Web.Tests.Localization;

public sealed partial class ResourceCompletenessTests
{
    private static readonly string SourceRoot = FindSourceRoot();

    private static Dictionary<string, string> Load(string suffix) =>
        XDocument.Load(Path.Combine(SourceRoot, "src/TumourBoard.Web/Localization", $"SharedResource{suffix}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Theory]
    [InlineData(".fr")]
    [InlineData(".nl")]
    public void Translations_HaveEveryEnglishKey_AndNoBlankValue(string suffix)
    {
        var english = Load("");
        var translated = Load(suffix);

        var missing = english.Keys.Except(translated.Keys).Order().ToList();
        var extra = translated.Keys.Except(english.Keys).Order().ToList();
        var blank = translated.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).ToList();

        Assert.True(missing.Count == 0, $"Missing in {suffix}: {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"Only in {suffix}: {string.Join(", ", extra)}");
        Assert.True(blank.Count == 0, $"Blank in {suffix}: {string.Join(", ", blank)}");
    }

    [Theory]
    [InlineData(".fr")]
    [InlineData(".nl")]
    public void Translations_KeepTheSamePlaceholders(string suffix)
    {
        var english = Load("");
        var translated = Load(suffix);

        var mismatched = english.Where(e => translated.TryGetValue(e.Key, out var t) && !Placeholders(e.Value).SetEquals(Placeholders(t)))
            .Select(e => e.Key).ToList();

        Assert.True(mismatched.Count == 0, $"Placeholders differ in {suffix}: {string.Join(", ", mismatched)}");
    }

    [Fact]
    public void EveryLiteralKeyInTheCode_ExistsInTheResources()
    {
        var english = Load("");
        var sources = Directory.EnumerateFiles(Path.Combine(SourceRoot, "src/TumourBoard.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

        var missing = sources
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(k => !english.ContainsKey(k.Key))
            .Select(k => $"{k.File}: {k.Key}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Keys used but not defined: " + string.Join(", ", missing));
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    private static string FindSourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TumourBoard.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TumourBoard.sln not found above the test output.");
    }

    [GeneratedRegex(@"\bL\[""([A-Za-z0-9_.]+)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
