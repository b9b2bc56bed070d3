using System.Globalization;
using System.Text;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Cases.Guard;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.People;

namespace TumourBoard.Benchmarks.Minutes;

/// <summary>One case as the board discusses it, read from MeetingText/meeting-xx.txt.</summary>
internal sealed record CaseProfile(
    string Diagnosis,
    string Morphology,
    string Topography,
    DiseaseStatus Status,
    int AgeYears,
    int AgeMonths,
    Sex Sex,
    string Question,
    IReadOnlyList<PlannedOption> Options,
    int Recommended,
    string? Text,
    string Rationale,
    Consensus Consensus,
    string? Dissent,
    IReadOnlyList<PlannedFollowUp> FollowUps,
    string Summary);

internal sealed record PlannedOption(string Label, string? Trial);

internal sealed record PlannedFollowUp(string Action, string Owner, int DaysAfterMeeting);

/// <summary>
/// One member of the room: their centre (an index into <see cref="BoardMeeting.Centres"/>) and discipline, and when they
/// were in the room as periods of agenda positions, [From, To), where To = <see cref="BoardMeeting.DiscussedCases"/>
/// means until the meeting closed. Members with more than one period step out and come back, through the hub.
/// </summary>
internal sealed record PlannedAttendee(int Index, string Name, int Centre, Discipline Discipline, IReadOnlyList<(int From, int To)> Periods)
{
    public bool IsPresentAt(int position) => Periods.Any(p => position >= p.From && position < p.To);

    public bool StepsOut => Periods.Count > 1;
}

/// <summary>A member's vote on a case: an option (an index into the case's options) or an abstention (null).</summary>
internal sealed record MemberVote(int Attendee, int? Option);

/// <summary>An item of the agenda: discussed (votes, recommendation, narrative) or not reached before the meeting closed.</summary>
internal sealed record PlannedCase(int Position, CaseProfile Profile, int Centre, int Presenter, int AgeYears, int AgeMonths, bool Discussed,
    IReadOnlyList<MemberVote> Votes);

/// <summary>
/// The benchmark's meeting, the same for the in-process rendering and for the meeting the cold scenario holds through
/// the API: 40 cases discussed and 3 not reached, 60 clinicians from the eight centres voting, a fifth of them stepping
/// out and coming back, some arriving late. The cases cycle through the profiles of the meeting's language; ages,
/// centres, presence and votes come from a fixed seed, so every run renders the same document.
/// </summary>
internal sealed class BoardMeeting
{
    public const int DiscussedCases = 40;
    public const int NotReachedCases = 3;
    public const int Members = 60;

    private const string ResourcePrefix = "TumourBoard.Benchmarks.Minutes.MeetingText.";

    private static readonly string[] FirstNames =
        ["An", "Bart", "Camille", "Dirk", "Elise", "Fabrice", "Greet", "Hélène", "Ilse", "Jonas", "Karen", "Laurent", "Marie", "Nathalie", "Olivier",
         "Pieter", "Quentin", "Sofie", "Thomas", "Valérie", "Wouter", "Anouk", "Benoît", "Charlotte", "Emma", "Frederik", "Julie", "Koen", "Lies", "Michaël"];

    private static readonly string[] Surnames =
        ["Peeters", "Janssens", "Dubois", "Maes", "Lambert", "Jacobs", "Mertens", "Dupont", "Willems", "Claes", "Martin", "Goossens", "Wouters",
         "Simon", "De Smet", "Laurent", "Vermeulen", "Leroy", "Van den Broeck", "Renard", "Hermans", "Lemaire", "Desmet", "Michel", "Verstraete"];

    // The disciplines VoterAccounts gives the scenario's accounts, in the same order.
    private static readonly Discipline[] Disciplines =
        [Discipline.PaediatricOncology, Discipline.PaediatricHaematology, Discipline.Surgery, Discipline.Radiotherapy, Discipline.Pathology, Discipline.Radiology];

    private BoardMeeting(BoardLanguage language, string title, IReadOnlyList<PlannedCase> cases, IReadOnlyList<PlannedAttendee> attendees)
    {
        Language = language;
        Title = title;
        Cases = cases;
        Attendees = attendees;
    }

    /// <summary>The centre the scenario adds to its database as an administrator would; declared first, as <see cref="Centres"/> uses it.</summary>
    public static (string Code, string Name, string City) EighthCentre { get; } = ("CTR8", "Eighth reference centre", "Bruxelles");

    /// <summary>
    /// The seven centres of the reference data, in the order the app seeds them, and an eighth as an administrator adds it
    /// (the reference data does not name it: docs/reference-data.md).
    /// </summary>
    public static IReadOnlyList<(string Code, string Name)> Centres { get; } =
        [.. TumourBoard.Web.Data.ReferenceDataSeeder.ReadCentres().Select(c => (c.Code, c.Name)), (EighthCentre.Code, EighthCentre.Name)];

    public BoardLanguage Language { get; }

    public string Title { get; }

    /// <summary>The agenda in order: the discussed cases, then those not reached.</summary>
    public IReadOnlyList<PlannedCase> Cases { get; }

    public IReadOnlyList<PlannedAttendee> Attendees { get; }

    public int VoteCount => Cases.Sum(c => c.Votes.Count);

    public int AttendancePeriods => Attendees.Sum(a => a.Periods.Count);

    public static BoardMeeting For(BoardLanguage language)
    {
        var (title, profiles) = Read(language);
        var random = new Random(2026);
        var attendees = Enumerable.Range(0, Members).Select(i => Attendee(i, random)).ToList();

        var cases = new List<PlannedCase>();
        for (var position = 0; position < DiscussedCases + NotReachedCases; position++)
        {
            var profile = profiles[position % profiles.Count];
            var centre = (position * 3 + position / Centres.Count) % Centres.Count;
            // The presenter is a paediatric oncologist or haematologist of the case's centre, who submits it.
            var presenter = attendees.Where(a => a.Centre == centre).OrderBy(a => a.Index).ElementAt(position / Centres.Count % 2).Index;
            var months = (profile.AgeMonths + random.Next(0, 6)) % 12;
            var discussed = position < DiscussedCases;
            cases.Add(new PlannedCase(position + 1, profile, centre, presenter, profile.AgeYears, months, discussed,
                discussed ? Votes(profile, attendees, position, random) : []));
        }
        return new BoardMeeting(language, title, cases, attendees);
    }

    /// <summary>The display name of a member, as the scenario's accounts are named.</summary>
    public static string NameOf(int index) => $"{FirstNames[index % FirstNames.Length]} {Surnames[(index * 7 + index / Surnames.Length) % Surnames.Length]}";

    // Every fifth member steps out once or twice and comes back; every seventh of the others arrives late.
    private static PlannedAttendee Attendee(int index, Random random)
    {
        var periods = new List<(int, int)>();
        if (index % 5 == 2)
        {
            var leave = random.Next(8, 18);
            var back = leave + random.Next(4, 10);
            if (index % 15 == 2)
            {
                var again = back + random.Next(5, 9);
                periods.AddRange([(0, leave), (back, again), (again + random.Next(2, 5), DiscussedCases)]);
            }
            else
            {
                periods.AddRange([(0, leave), (back, DiscussedCases)]);
            }
        }
        else if (index % 7 == 3)
        {
            periods.Add((random.Next(2, 9), DiscussedCases));
        }
        else
        {
            periods.Add((0, DiscussedCases));
        }
        return new PlannedAttendee(index, NameOf(index), index % Centres.Count, Disciplines[index / Centres.Count % Disciplines.Length], periods);
    }

    // Nine in ten members present vote, a few of them abstain; the recommended option gets most votes, all of them
    // when the board was unanimous and fewer when it reached no consensus.
    private static List<MemberVote> Votes(CaseProfile profile, List<PlannedAttendee> attendees, int position, Random random)
    {
        var share = profile.Consensus switch
        {
            Consensus.Unanimous => 1.0,
            Consensus.Majority => 0.68,
            _ => 0.42,
        };
        var votes = new List<MemberVote>();
        foreach (var attendee in attendees.Where(a => a.IsPresentAt(position)))
        {
            if (random.NextDouble() >= 0.9)
                continue;
            if (random.NextDouble() < 0.06)
            {
                votes.Add(new MemberVote(attendee.Index, null));
                continue;
            }
            var option = random.NextDouble() < share || profile.Options.Count == 1
                ? profile.Recommended
                : Enumerable.Range(0, profile.Options.Count).Where(o => o != profile.Recommended).ElementAt(random.Next(profile.Options.Count - 1));
            votes.Add(new MemberVote(attendee.Index, option));
        }
        return votes;
    }

    private static (string Title, List<CaseProfile> Profiles) Read(BoardLanguage language)
    {
        var code = language switch
        {
            BoardLanguage.French => "fr",
            BoardLanguage.Dutch => "nl",
            _ => "en",
        };
        var name = $"meeting-{code}.txt";
        string? title = null;
        var profiles = new List<CaseProfile>();
        Dictionary<string, List<string>>? fields = null;
        StringBuilder? summary = null;
        foreach (var line in ReadResource(name).ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith('#') || line.Length == 0)
                continue;
            if (line == "=== case")
            {
                if (fields is not null)
                    profiles.Add(Profile(fields, summary, name, profiles.Count + 1));
                fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                summary = null;
                continue;
            }
            if (summary is not null)
            {
                summary.Append(summary.Length > 0 ? "\n" : "").Append(line);
                continue;
            }
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var key = colon < 0 ? line.TrimEnd(':') : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 2)..];
            if (fields is null)
            {
                title = key == "title" ? value : throw new InvalidDataException($"{name}: '{line}' before the first case.");
                continue;
            }
            if (key == "summary")
            {
                summary = new StringBuilder();
                continue;
            }
            if (!fields.TryGetValue(key, out var values))
                fields[key] = values = [];
            values.Add(value);
        }
        if (fields is not null)
            profiles.Add(Profile(fields, summary, name, profiles.Count + 1));
        if (title is null || profiles.Count == 0)
            throw new InvalidDataException($"{name} has no title or no case.");
        return (title, profiles);
    }

    private static CaseProfile Profile(Dictionary<string, List<string>> fields, StringBuilder? summary, string file, int number)
    {
        string One(string key) => fields.TryGetValue(key, out var v) && v.Count == 1 ? v[0] : throw new InvalidDataException($"{file}, case {number}: one '{key}' expected.");
        string? Optional(string key) => fields.TryGetValue(key, out var v) ? v.Single() : null;
        IEnumerable<string[]> Parts(string key, int count) => (fields.TryGetValue(key, out var v) ? v : []).Select(x =>
        {
            var parts = x.Split('|', StringSplitOptions.TrimEntries);
            return parts.Length == count ? parts : throw new InvalidDataException($"{file}, case {number}: '{key}: {x}' needs {count} parts.");
        });

        var age = One("age").Split(' ');
        var options = Parts("option", 2).Select(p => new PlannedOption(p[0], p[1].Length == 0 ? null : p[1])).ToList();
        var profile = new CaseProfile(
            One("diagnosis"), One("morphology"), One("topography"), Enum.Parse<DiseaseStatus>(One("status")),
            int.Parse(age[0], CultureInfo.InvariantCulture), int.Parse(age[1], CultureInfo.InvariantCulture), Enum.Parse<Sex>(One("sex")),
            One("question"), options, int.Parse(One("recommend"), CultureInfo.InvariantCulture) - 1, Optional("text"), One("rationale"),
            Enum.Parse<Consensus>(One("consensus")), Optional("dissent"),
            [.. Parts("followup", 3).Select(p => new PlannedFollowUp(p[0], p[1], int.Parse(p[2], CultureInfo.InvariantCulture)))],
            summary?.ToString() ?? throw new InvalidDataException($"{file}, case {number}: no summary."));
        if (profile.Options.Count is < 2 or > 4 || profile.Recommended < 0 || profile.Recommended >= profile.Options.Count)
            throw new InvalidDataException($"{file}, case {number}: two to four options, and the recommended one among them.");

        // The app refuses text with identifying data: a finding means the text is wrong, not the benchmark.
        var findings = IdentifierGuard.ScanFields([
            ("diagnosis", profile.Diagnosis), ("question", profile.Question), ("text", profile.Text), ("rationale", profile.Rationale),
            ("dissent", profile.Dissent), ("summary", profile.Summary),
            .. profile.Options.Select(o => ("option", (string?)o.Label)),
            .. profile.FollowUps.SelectMany(f => new[] { ("action", (string?)f.Action), ("owner", (string?)f.Owner) })]);
        if (findings.Count > 0)
            throw new InvalidDataException($"{file}, case {number}: the guard finds {string.Join(", ", findings.Select(f => $"{f.Finding.Kind} in {f.Field}"))}.");
        return profile;
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(BoardMeeting).Assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"Embedded meeting text {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
