using TumourBoard.Domain.Cases.Guard;

namespace TumourBoard.Domain.Tests.Cases.Guard;

public class IdentifierGuardCorpusTests
{
    private static readonly string[] Languages = ["en", "fr", "nl"];

    [Fact]
    public void Scan_EveryMustBlockSnippet_IsFoundWithItsKindOnly()
    {
        var mustBlock = GuardCorpus.Snippets.Where(s => s.MustBlock).ToList();
        var missed = new List<string>();
        foreach (var snippet in mustBlock)
        {
            var findings = IdentifierGuard.Scan(snippet.Text);
            if (findings.Count == 0 || findings.Any(f => f.Kind != snippet.Kind))
                missed.Add($"{snippet} -> expected {snippet.Kind}, found [{Describe(snippet.Text, findings)}]");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Blocked with the right kind: {mustBlock.Count - missed.Count}/{mustBlock.Count}");
        Assert.True(missed.Count == 0, $"{missed.Count} must-block snippets were missed or misclassified:\n" + string.Join('\n', missed));
    }

    [Fact]
    public void Scan_EveryMustPassSnippet_IsNotBlocked()
    {
        var mustPass = GuardCorpus.Snippets.Where(s => !s.MustBlock).ToList();
        var blocked = new List<string>();
        foreach (var snippet in mustPass)
        {
            var findings = IdentifierGuard.Scan(snippet.Text);
            if (findings.Count > 0)
                blocked.Add($"{snippet} -> [{Describe(snippet.Text, findings)}]");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Passed: {mustPass.Count - blocked.Count}/{mustPass.Count}");
        Assert.True(blocked.Count == 0, $"{blocked.Count} must-pass snippets were blocked:\n" + string.Join('\n', blocked));
    }

    [Fact]
    public void Corpus_HasAtLeast150SnippetsRoughlyHalfBlocked()
    {
        var snippets = GuardCorpus.Snippets;
        var blockShare = snippets.Count(s => s.MustBlock) / (double)snippets.Count;

        Assert.True(snippets.Count >= 150, $"The corpus has {snippets.Count} snippets.");
        Assert.InRange(blockShare, 0.4, 0.6);
        Assert.All(Languages, language => Assert.Contains(snippets, s => s.Language == language && !s.MustBlock));
        Assert.All(snippets, s => Assert.Contains(s.Language, Languages));
    }

    [Fact]
    public void Corpus_CoversEveryKindInEveryLanguageAtLeastTwice()
    {
        var gaps =
            from kind in Enum.GetValues<IdentifierKind>()
            from language in Languages
            let count = GuardCorpus.Snippets.Count(s => s.Kind == kind && s.Language == language)
            where count < 2
            select $"{kind}/{language}: {count}";

        Assert.Empty(gaps);
    }

    [Fact]
    public void Corpus_HasDisguisedIdentifiers()
    {
        var blocked = GuardCorpus.Snippets.Where(s => s.MustBlock).Select(s => s.Text).ToList();

        Assert.Contains(blocked, text => text.Any(c => c is >= '\uFF10' and <= '\uFF19'));
        Assert.Contains(blocked, text => text.Contains('\u200B'));
        Assert.Contains(blocked, text => text.Contains('\u00AD'));
        Assert.Contains(blocked, text => text.Any(c => c is >= '\u202A' and <= '\u202E'));
    }

    private static string Describe(string text, IReadOnlyList<IdentifierFinding> findings) =>
        string.Join(", ", findings.Select(f => $"{f.Kind} '{text.Substring(f.Start, f.Length)}'"));
}
