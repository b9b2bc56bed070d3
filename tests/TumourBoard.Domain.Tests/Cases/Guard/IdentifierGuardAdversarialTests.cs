using System.Diagnostics;
using System.Text;
using TumourBoard.Domain.Cases.Guard;

namespace TumourBoard.Domain.Tests.Cases.Guard;

// A safety test, not a benchmark: inputs built to make a backtracking scanner blow up must be scanned
// in well under a second. The bound is generous so a slow CI machine does not make it flaky. The measured times
// are in docs/performance.md, from bench/TumourBoard.Benchmarks/Guard/AdversarialInput.cs (keep the patterns alike).
public class IdentifierGuardAdversarialTests
{
    private const int Size = 1 << 20;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Patterns =>
    [
        "0", "1.", "12-", "12/", "a@", "a.", " ", "\n", "rue ", "Rue ", "Mr ", "Mme Dupont ", "patient Emma ",
        "85.07.30-033.28 ", "85.07.30-033.28.", "+32 ", "0475 ", "www.", "http://", ":", "a:", "1:", "ff::",
        "(at)", "12 March ", "12 mars 2015 ", "MRN ", "Nom : ", "Kerkstraat ", "1200 ", "B-1200 ", "\u200B1",
        "\uFF11", "e\u0301", "\u0316\u0301\u0327\u0300", "\u00AD", "x\uD800", "\u00B5L ", "NISS 850730 ", "Name: ", "of ", "1st of ",
    ];

    // A safety net against super-linear scanning, which would take minutes on 1 MB: the bound is generous so that a
    // loaded CI machine does not fail it. The speed goal (well under a second) is measured by `make bench`.
    [Theory]
    [MemberData(nameof(Patterns))]
    public void Scan_OneMegabyteOfRepeatedPattern_FinishesInLinearTime(string pattern)
    {
        var text = Repeat(pattern, Size);
        IdentifierGuard.Scan(Repeat(pattern, Size / 16)); // static tables and the JIT are not what we measure

        var stopwatch = Stopwatch.StartNew();
        IdentifierGuard.Scan(text);
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < Bound, $"'{pattern}' x {text.Length / pattern.Length} took {stopwatch.ElapsedMilliseconds} ms.");
    }

    [Fact]
    public void Scan_OneMegabyteOfRealisticCaseText_FinishesInLinearTime()
    {
        var paragraph = string.Join(' ', GuardCorpus.Snippets.Select(s => s.Text));
        var text = Repeat(paragraph + "\n", Size);
        IdentifierGuard.Scan(paragraph);

        var stopwatch = Stopwatch.StartNew();
        var findings = IdentifierGuard.Scan(text);
        stopwatch.Stop();

        Assert.NotEmpty(findings);
        Assert.True(stopwatch.Elapsed < Bound, $"Took {stopwatch.ElapsedMilliseconds} ms.");
    }

    private static string Repeat(string pattern, int size)
    {
        var builder = new StringBuilder(size + pattern.Length);
        while (builder.Length < size)
            builder.Append(pattern);
        return builder.ToString();
    }
}
