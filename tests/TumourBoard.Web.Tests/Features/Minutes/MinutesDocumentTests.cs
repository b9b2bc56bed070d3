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

    /// <summary>Minutes with every kind of entry: two periods of attendance, a late addition discussed with dissent and
    /// a trial referral, a case deferred with a reason and a late addition not reached.</summary>
    private static MinutesRecord Full(BoardLanguage language)
    {
        var attendees = new List<AttendeeRecord>
        {
            new("Prof. dr. Anaïs Vermeulen", "UZL", "UZ Leuven", Discipline.PaediatricOncology, "Coordinator",
                [new AttendancePeriod(Starts, Starts.AddMinutes(40)), new AttendancePeriod(Starts.AddMinutes(55), Starts.AddMinutes(95))]),
            new("Dr. François Lefèvre", "CUSL", "Cliniques universitaires Saint-Luc", Discipline.Radiotherapy, "Clinician", [new AttendancePeriod(Starts.AddMinutes(7), Starts.AddMinutes(95))]),
        };
        var @case = new CaseRecord(1, 1, "BSPHO-2026-0101", "CUSL", "Cliniques universitaires Saint-Luc", "Dr. Joëlle Müller", 6, 3, Sex.Male,
            "Médulloblastome groupe 3, métastatique", "III Intracranial and intraspinal neoplasms", "Radiothérapie crânio-spinale réduite ou standard ?", true,
            [new OptionRecord(1, "Dose réduite", null, 3, false), new OptionRecord(2, "Dose standard", "NCT05126342", 7, true)],
            12, 2, 5, false,
            new RecommendationRecord("Dose standard", null, "Maladie métastatique : la dose réduite n'est pas validée.", Consensus.Majority,
                "UZG préfère la dose réduite.", "NCT05126342 — SIOP PNET 5", true),
            "Discussion approfondie de l'IRM post-opératoire.", [new FollowUpAction("Envoyer l'IRM au centre de référence", "Radiologue CUSL", new DateOnly(2027, 1, 15))]);
        List<DeferredRecord> deferred = [new("BSPHO-2026-0102", "UZG", "Biologie moléculaire attendue", false, false), new("BSPHO-2026-0103", "HUDERF", null, true, true)];
        return new MinutesRecord(7, "Concertation de novembre", Starts, Starts.AddMinutes(2), Starts.AddMinutes(95), language, "Prof. dr. Anaïs Vermeulen",
            "Dr. Noël Dubois-Peeters", QuorumRules.Default, VotingMode.Open, attendees, [@case], deferred, MinutesStatus.Draft, 1, null);
    }

    [Theory]
    [InlineData(BoardLanguage.English, "late addition", "Majority", "Radiotherapy", "6 years 3 months", "Not reached at the meeting", "Page 1 of")]
    [InlineData(BoardLanguage.French, "ajout tardif", "Majorité", "Radiothérapie", "6 ans 3 mois", "Non abordé pendant la réunion", "Page 1 sur")]
    [InlineData(BoardLanguage.Dutch, "laattijdig toegevoegd", "Meerderheid", "Radiotherapie", "6 jaar 3 maanden", "Niet behandeld tijdens de vergadering", "Pagina 1 van")]
    public void Minutes_HoldEveryRecordedField_InTheMeetingsLanguage(BoardLanguage language, params string[] labels)
    {
        var record = Full(language);
        var c = record.Cases[0];
        var r = c.Recommendation!;

        using var pdf = PdfDocument.Open(Document.Minutes(record, Starts.AddHours(3)));

        var text = PdfReading.WithoutSpaces(string.Concat(pdf.GetPages().Select(PdfReading.PageText)));
        string[] recorded =
        [
            record.Chair!, record.Secretary!, "12:32 – 14:05",
            .. record.Attendees.SelectMany(a => new[] { a.Name, a.CentreCode! }), "12:30–13:10", "13:25–14:05", "12:37–14:05",
            c.Code, c.CentreName, c.Presenter!, c.Diagnosis, c.Iccc3!, c.Question, .. c.Options.Select(o => o.Label), "NCT05126342",
            r.Rationale, r.Dissent!, r.TrialReferral!, c.Summary!, c.FollowUps[0].Action, c.FollowUps[0].Owner!, "15/01/2027",
            .. record.Deferred.Select(d => d.Code), record.Deferred[0].Reason!, .. labels,
        ];
        Assert.Equal([], recorded.Where(s => !text.Contains(PdfReading.WithoutSpaces(s), StringComparison.Ordinal)));
        Assert.Equal(2, CountOf(text, PdfReading.WithoutSpaces(labels[0])));
    }

    [Theory]
    [InlineData("en-BE", 1, 1, "1 year 1 month")]
    [InlineData("en-BE", 0, 7, "0 years 7 months")]
    [InlineData("en-BE", 12, 0, "12 years 0 months")]
    [InlineData("fr-BE", 1, 1, "1 an 1 mois")]
    [InlineData("fr-BE", 0, 11, "0 an 11 mois")]
    [InlineData("fr-BE", 2, 3, "2 ans 3 mois")]
    [InlineData("nl-BE", 1, 1, "1 jaar 1 maand")]
    [InlineData("nl-BE", 4, 2, "4 jaar 2 maanden")]
    public void Age_IsWrittenWithTheSingularAndPluralOfEachLanguage(string culture, int years, int months, string expected)
    {
        var localizer = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<SharedResource>>();
        var (current, ui) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);

            Assert.Equal(expected, MinutesDocument.Age(localizer, years, months, System.Globalization.CultureInfo.CurrentCulture));
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (current, ui);
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            count++;
        return count;
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
