using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.People;
using TumourBoard.Web.Documents;
using TumourBoard.Web.Features.Minutes;
using TumourBoard.Web.Localization;
using TumourBoard.Web.Tests.Documents;
using UglyToad.PdfPig;

namespace TumourBoard.Web.Tests.Features.Minutes;

/// <summary>The minutes laid out from a record alone, without a database: page breaks inside a long case.</summary>
public sealed class MinutesDocumentTests
{
    private static readonly SkiaPdfRenderer Renderer = new();

    private static readonly MinutesDocument Document = new(Renderer,
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<SharedResource>>());

    private static readonly DateTime Starts = new(2026, 11, 24, 11, 30, 0, DateTimeKind.Utc);

    private static string Words(int count, string prefix) => string.Join(" ", Enumerable.Range(0, count).Select(i => $"{prefix}{i}"));

    /// <summary>Minutes of one discussed case with a discussion summary and two follow-up actions.</summary>
    private static MinutesRecord OneCase(string rationale, string summary)
    {
        var attendee = new AttendeeRecord("Dr. Zoë Janssens", "UZL", "UZ Leuven", Discipline.PaediatricOncology, "Clinician", [new AttendancePeriod(Starts, Starts.AddHours(1))]);
        var @case = new CaseRecord(1, 1, "BSPHO-2026-0001", "UZL", "UZ Leuven", "Dr. Zoë Janssens", 9, 4, Sex.Female, "Neuroblastoma, stage M", null,
            "Consolidation now or two more cycles of induction?", false,
            [new OptionRecord(1, "Two more cycles of induction", null, 2, false), new OptionRecord(2, "Consolidation", null, 5, true)],
            8, 1, 4, false, new RecommendationRecord("Consolidation", null, rationale, Consensus.Majority, null, null, true), summary,
            [new FollowUpAction("Send the trial's screening form", "UZL data manager", new DateOnly(2027, 1, 15)), new FollowUpAction("MIBG after two cycles", "Nuclear medicine", null)]);
        return new MinutesRecord(1, "Board", Starts, Starts, Starts.AddHours(1), BoardLanguage.English, "Chair", "Secretary", QuorumRules.Default, VotingMode.Open,
            [attendee], [@case], [], MinutesStatus.Draft, 1, null);
    }

    /// <summary>The last line of text in the flow of each page but the last.</summary>
    private static IEnumerable<(int Page, string Line)> LastLines(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var result = new List<(int, string)>();
        foreach (var page in pdf.GetPages().SkipLast(1))
        {
            var letters = PdfReading.BodyLetters(page).Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
            var last = letters.Min(l => Math.Round(l.StartBaseLine.Y, 1));
            result.Add((page.Number, string.Concat(letters.Where(l => Math.Round(l.StartBaseLine.Y, 1) == last).Select(l => l.Value))));
        }
        return result;
    }

    [Fact]
    public void CaseLongerThanAPage_NeverEndsAPageWithTheDiscussionOrFollowUpTitle()
    {
        var orphans = new List<string>();
        // A summary of growing length moves the follow-up title down the page, a rationale of growing length the discussion title.
        foreach (var (rationale, summary) in Enumerable.Range(0, 16).Select(i => (Words(5, "r"), Words(470 + 6 * i, "s")))
                     .Concat(Enumerable.Range(0, 40).Select(i => (Words(20 + 9 * i, "r"), Words(1200, "s")))))
        {
            foreach (var (page, line) in LastLines(Document.Minutes(OneCase(rationale, summary), Starts)))
            {
                if (line is "Discussion" or "Follow-upactions")
                    orphans.Add($"rationale {rationale.Length} and summary {summary.Length} characters: page {page} ends with '{line}'");
            }
        }

        Assert.Empty(orphans);
    }
}
