using System.Globalization;
using System.Text;

namespace TumourBoard.Benchmarks.Guard;

/// <summary>A short pattern repeated to <see cref="GuardAdversarialBenchmarks.InputLength"/> characters.</summary>
public sealed class AdversarialInput(string pattern)
{
    // The patterns of IdentifierGuardAdversarialTests (keep the two lists alike): inputs built to make a
    // backtracking or quadratic scanner blow up: digit and separator runs, half-identifiers, labels and titles
    // without end, invisible and combining characters, a lone surrogate.
    public static IReadOnlyList<AdversarialInput> All { get; } =
    [
        .. new[]
        {
            "0", "1.", "12-", "12/", "a@", "a.", " ", "\n", "rue ", "Rue ", "Mr ", "Mme Dupont ", "patient Emma ",
            "85.07.30-033.28 ", "85.07.30-033.28.", "+32 ", "0475 ", "www.", "http://", ":", "a:", "1:", "ff::",
            "(at)", "12 March ", "12 mars 2015 ", "MRN ", "Nom : ", "Kerkstraat ", "1200 ", "B-1200 ", "\u200B1",
            "\uFF11", "e\u0301", "\u0316\u0301\u0327\u0300", "\u00AD", "x\uD800", "\u00B5L ", "NISS 850730 ", "Name: ",
            "of ", "1st of ",
        }.Select(pattern => new AdversarialInput(pattern)),
    ];

    public string Pattern { get; } = pattern;

    public string Build()
    {
        var builder = new StringBuilder(GuardAdversarialBenchmarks.InputLength + Pattern.Length);
        while (builder.Length < GuardAdversarialBenchmarks.InputLength)
            builder.Append(Pattern);
        return builder.ToString();
    }

    // The pattern as a C# literal, so invisible, combining and look-alike characters can be told apart.
    public override string ToString()
    {
        var literal = new StringBuilder("\"");
        foreach (var c in Pattern)
        {
            if (c == '\n')
                literal.Append("\\n");
            else if (c is '"' or '\\')
                literal.Append('\\').Append(c);
            else if (c is < ' ' or > '~')
                literal.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            else
                literal.Append(c);
        }

        return literal.Append('"').ToString();
    }
}
