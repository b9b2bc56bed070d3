using System.Text;
using TumourBoard.Web.Documents;

namespace TumourBoard.Web.Tests.Documents;

public sealed class RightToLeftTests
{
    private static string Visual(string line) => RightToLeft.VisualOrder(line);

    [Theory]
    [InlineData("Patient from Haifa", "Patient from Haifa")]
    [InlineData("שלום", "םולש")]
    [InlineData("Hébreu שלום עולם, fin", "Hébreu םלוע םולש, fin")]
    [InlineData("ref שלום 12 עולם end", "ref םלוע 12 םולש end")]
    [InlineData("dose 12 mg", "dose 12 mg")]
    [InlineData("(שלום)", "(םולש)")]
    [InlineData("שלום (עולם)", "םלוע) םולש)")]
    [InlineData("ref (שלום) end", "ref (םולש) end")]
    public void Lines_AreDrawnInVisualOrder(string logical, string visual) => Assert.Equal(visual, Visual(logical));

    [Fact]
    public void HebrewPoints_StayOnTheirLetter()
    {
        // shin with shin dot and qamats, lamed, vav with holam, final mem
        var visual = Visual("שָׁלוֹם");

        Assert.Equal("םוֹלשָׁ".Normalize(NormalizationForm.FormD), visual.Normalize(NormalizationForm.FormD));
    }

    [Fact]
    public void ArabicLetters_TakeTheFormTheirNeighboursCallFor()
    {
        // marhaban: meem (initial), reh (final, then does not join on), hah (isolated: reh does not join to it)... as
        // in any Arabic text: a dual-joining letter joins both sides, a right-joining one only to the letter before.
        var shaped = RightToLeft.ShapeArabic("مرحبا");

        Assert.Equal("\uFEE3\uFEAE\uFEA3\uFE92\uFE8E", shaped);
        Assert.Equal("مرحبا", shaped.Normalize(NormalizationForm.FormKC));
    }

    [Fact]
    public void LamAlef_IsOneLigature_IsolatedOrFinal()
    {
        Assert.Equal("\uFEFB", RightToLeft.ShapeArabic("لا"));
        Assert.Equal("\uFE91\uFEFC", RightToLeft.ShapeArabic("بلا"));
    }

    [Fact]
    public void TextWithoutArabic_IsReturnedAsItIs()
    {
        const string text = "Résultats encourageants; שלום";

        Assert.Same(text, RightToLeft.ShapeArabic(text));
    }
}
