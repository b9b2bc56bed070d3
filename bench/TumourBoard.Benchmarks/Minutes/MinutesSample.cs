using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.Diagnoses;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.People;
using TumourBoard.Web.Documents;
using TumourBoard.Web.Features.Minutes;
using TumourBoard.Web.Localization;

namespace TumourBoard.Benchmarks.Minutes;

/// <summary>
/// The minutes of the benchmark's meeting in one language, as <see cref="MinutesService"/> reads them from the database
/// after the meeting closed: a draft, version 1. Rendered by one <see cref="MinutesDocument"/> for the whole run, as
/// the app's singleton is, with the fonts loaded once and the user interface's strings from the app's resources.
/// </summary>
public sealed class MinutesSample
{
    // Thursday 19 November 2026, 14:00 in Brussels: the board's usual afternoon.
    private static readonly DateTime StartsAtUtc = new(2026, 11, 19, 13, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan CaseLength = TimeSpan.FromMinutes(4.5);

    private static readonly Lazy<MinutesDocument> Document = new(CreateDocument);

    private readonly Lazy<byte[]> _rendered;

    private MinutesSample(string name, BoardLanguage language)
    {
        Name = name;
        Meeting = BoardMeeting.For(language);
        Record = RecordOf(Meeting);
        CreatedUtc = Record.ClosedAtUtc!.Value;
        _rendered = new Lazy<byte[]>(Render);
    }

    public static IReadOnlyList<MinutesSample> All { get; } =
        [new("English", BoardLanguage.English), new("French", BoardLanguage.French), new("Dutch", BoardLanguage.Dutch)];

    public string Name { get; }

    internal BoardMeeting Meeting { get; }

    internal MinutesRecord Record { get; }

    internal DateTime CreatedUtc { get; }

    /// <summary>Pages of the rendered PDF, counted in the file.</summary>
    internal int Pages => PdfPages.Count(_rendered.Value);

    internal int Bytes => _rendered.Value.Length;

    public override string ToString() => Name; // how BenchmarkDotNet names the parameter

    public byte[] Render() => Document.Value.Minutes(Record, CreatedUtc);

    // As the app builds it: SkiaPdfRenderer with the fonts next to the program, and AddLocalization()'s factory without a
    // resources path, reading the app's SharedResource and its French and Dutch satellite assemblies.
    private static MinutesDocument CreateDocument()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        return new MinutesDocument(new SkiaPdfRenderer(), new StringLocalizer<SharedResource>(factory));
    }

    private static MinutesRecord RecordOf(BoardMeeting meeting)
    {
        var centres = BoardMeeting.Centres;
        var startedAt = StartsAtUtc.AddMinutes(2);
        DateTime CaseStart(int position) => startedAt.AddMinutes(3) + position * CaseLength;
        var closedAt = CaseStart(BoardMeeting.DiscussedCases);

        // Each member joins a minute or two before the first case of a period and leaves as the case after it starts.
        var attendees = meeting.Attendees.Select(a => new AttendeeRecord(a.Name, centres[a.Centre].Code, centres[a.Centre].Name, a.Discipline, "Clinician",
                a.Periods.Select(p => new AttendancePeriod(
                    CaseStart(p.From).AddSeconds(-30 - a.Index * 37 % 90),
                    p.To >= BoardMeeting.DiscussedCases ? closedAt : CaseStart(p.To).AddSeconds(a.Index * 13 % 60))).ToList()))
            .Append(new AttendeeRecord("Coordinator", null, null, Discipline.PaediatricOncology, "Coordinator", [new AttendancePeriod(startedAt, closedAt)]))
            .OrderBy(a => a.CentreCode ?? "~").ThenBy(a => a.Discipline.ToString()).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();

        var discussed = new List<CaseRecord>();
        var deferred = new List<DeferredRecord>();
        var meetingDate = DateOnly.FromDateTime(StartsAtUtc);
        foreach (var planned in meeting.Cases)
        {
            var profile = planned.Profile;
            var code = CaseCode.Format(2026, 300 + planned.Position);
            var (centreCode, centreName) = centres[planned.Centre];
            if (!planned.Discussed)
            {
                deferred.Add(new DeferredRecord(code, centreCode, null, NotReached: true, IsLateAddition: false));
                continue;
            }

            var itemId = 1000 + planned.Position;
            var optionIds = Enumerable.Range(0, profile.Options.Count).Select(o => itemId * 10 + o).ToList();
            var tally = Tally.Compute(optionIds, [.. planned.Votes.Select(v => new CastVote(
                Guid.Empty, meeting.Attendees[v.Attendee].Centre, v.Option is { } o ? optionIds[o] : null))]);
            var options = profile.Options.Select((o, i) => new OptionRecord(optionIds[i], o.Label, o.Trial,
                tally.Options[i].Votes, tally.WinningOptionId == optionIds[i])).ToList();
            var chosen = profile.Options[profile.Recommended];
            var classification = Iccc3.Classify(IcdO3Morphology.Parse(profile.Morphology), IcdO3Topography.Parse(profile.Topography));
            var group = Iccc3.Groups.Single(g => g.Numeral == classification.Group);
            discussed.Add(new CaseRecord(itemId, planned.Position, code, centreCode, centreName, meeting.Attendees[planned.Presenter].Name,
                planned.AgeYears, planned.AgeMonths, profile.Sex, profile.Diagnosis, $"{group.Numeral} {group.Name}", profile.Question, IsLateAddition: false,
                options, tally.VotesCast, tally.Abstentions, tally.CentresRepresented, tally.IsTie,
                new RecommendationRecord(chosen.Label, profile.Text, profile.Rationale, profile.Consensus, profile.Dissent, chosen.Trial, QuorumMet: true),
                profile.Summary,
                [.. profile.FollowUps.Select(f => new FollowUpAction(f.Action, f.Owner, meetingDate.AddDays(f.DaysAfterMeeting)))]));
        }

        return new MinutesRecord(1, meeting.Title, StartsAtUtc, startedAt, closedAt, meeting.Language, "Coordinator", null, QuorumRules.Default,
            VotingMode.Open, attendees, discussed, deferred, MinutesStatus.Draft, 1, null);
    }
}

/// <summary>Pages of a PDF as its page objects: "/Type /Page", and not "/Type /Pages" of the page tree.</summary>
internal static class PdfPages
{
    public static int Count(ReadOnlySpan<byte> pdf)
    {
        var marker = "/Type /Page"u8;
        var pages = 0;
        for (var at = pdf.IndexOf(marker); at >= 0;)
        {
            var end = at + marker.Length;
            if (end >= pdf.Length || pdf[end] != (byte)'s')
                pages++;
            var next = pdf[end..].IndexOf(marker);
            at = next < 0 ? -1 : end + next;
        }
        return pages;
    }
}
