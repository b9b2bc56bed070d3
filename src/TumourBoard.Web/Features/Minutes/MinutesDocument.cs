using System.Globalization;
using Microsoft.Extensions.Localization;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.Moc;
using TumourBoard.Web.Documents;
using TumourBoard.Web.Features.Moc;
using TumourBoard.Web.Localization;

namespace TumourBoard.Web.Features.Minutes;

/// <summary>
/// Lays out the minutes and the recommendation letter as documents, in the meeting's language with the labels of the
/// user interface, and renders them. The same record and date always give the same bytes.
/// </summary>
public sealed class MinutesDocument(IDocumentRenderer renderer, IStringLocalizer<SharedResource> localizer)
{
    public byte[] Minutes(MinutesRecord record, DateTime createdUtc) =>
        InLanguage(record.Language, culture => renderer.Render(ComposeMinutes(record, createdUtc, culture)));

    public byte[] Letter(LetterRecord letter, DateTime createdUtc) =>
        InLanguage(letter.Language, culture => renderer.Render(ComposeLetter(letter, createdUtc, culture)));

    /// <summary>Runs <paramref name="compose"/> with the meeting's language as the current culture, so that the labels are in it.</summary>
    internal static T InLanguage<T>(TumourBoard.Domain.Common.BoardLanguage language, Func<CultureInfo, T> compose)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var meetingCulture = CultureInfo.GetCultureInfo(SupportedCultures.For(language));
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = meetingCulture;
            return compose(meetingCulture);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private string L(string key, params object[] arguments) => arguments.Length == 0 ? localizer[key] : localizer[key, arguments];

    private Document ComposeMinutes(MinutesRecord r, DateTime createdUtc, CultureInfo culture)
    {
        var date = BoardTime.ToLocal(r.StartsAtUtc).ToString("D", culture);
        var title = r.Title ?? L("Minutes.DefaultTitle");
        var blocks = new List<Block>
        {
            new Heading(1, L("Minutes.Heading", title)),
            new KeyValueBlock(MeetingFacts(r, date, culture)),
        };
        if (r.CorrectionReason is not null)
            blocks.Add(new Paragraph(L("Minutes.CorrectsVersion", r.VersionNumber - 1, r.CorrectionReason), TextStyle.Italic));

        blocks.Add(new Heading(2, L("Minutes.Attendance")));
        blocks.Add(new Paragraph(L("Minutes.AttendanceSummary", r.Attendees.Count,
            r.Attendees.Select(a => a.CentreCode).OfType<string>().Distinct().Count(), r.Attendees.Select(a => a.Discipline).Distinct().Count())));
        if (r.Attendees.Count > 0)
        {
            blocks.Add(new Table(
                [new TableColumn(L("Minutes.Centre"), 1.1f), new TableColumn(L("Minutes.Name"), 2f), new TableColumn(L("Minutes.Discipline"), 2f),
                 new TableColumn(L("Minutes.Role"), 1.3f), new TableColumn(L("Minutes.Present"), 1.6f, ColumnAlignment.Right)],
                r.Attendees.Select(a => (IReadOnlyList<string>)[a.CentreCode ?? L("Profile.National"), a.Name, L($"Discipline.{a.Discipline}"), L($"Role.{a.Role}"),
                    string.Join("\n", a.Periods.Select(p => Period(p, culture)))])));
        }

        blocks.Add(new Heading(2, L("Minutes.Quorum")));
        blocks.Add(new Paragraph(L("Minutes.QuorumRules", r.Quorum.MinCentres, r.Quorum.MinPhysicians, r.Quorum.MinDisciplines)));
        var recommended = r.Cases.Where(c => c.Recommendation is not null).ToList();
        blocks.Add(new Paragraph(L("Minutes.QuorumResult", recommended.Count(c => c.Recommendation!.QuorumMet), recommended.Count)));

        if (r.MocRules is { } mocRules)
        {
            blocks.Add(new Heading(2, L("Moc.Title")));
            blocks.Add(new Paragraph(L("Moc.RulesApplied", localizer.Rules(mocRules))));
            var checkedCases = r.Cases.Where(c => c.Moc is not null).ToList();
            blocks.Add(new Paragraph(L("Moc.MetCount", checkedCases.Count(c => c.Moc!.Status == MocStatus.Met), checkedCases.Count)));
            blocks.Add(new Paragraph(L("Moc.Disclaimer"), TextStyle.Small | TextStyle.Muted));
        }

        blocks.Add(new Heading(2, L("Minutes.CasesDiscussed")));
        if (r.Cases.Count == 0)
            blocks.Add(new Paragraph(L("Minutes.NoCasesDiscussed"), TextStyle.Italic));
        foreach (var c in r.Cases)
            blocks.Add(new KeepTogether(CaseBlocks(c, culture)));

        if (r.Deferred.Count > 0)
        {
            blocks.Add(new Heading(2, L("Minutes.Deferred")));
            blocks.Add(new Table(
                [new TableColumn(L("Minutes.Case"), 1.4f), new TableColumn(L("Minutes.Centre"), 1f), new TableColumn(L("Minutes.Reason"), 4f)],
                r.Deferred.Select(d => (IReadOnlyList<string>)[d.IsLateAddition ? $"{d.Code}\n{L("Minutes.LateAddition")}" : d.Code, d.CentreCode,
                    d.NotReached ? L("Minutes.NotReached") : d.Reason ?? "—"])));
        }

        if (r.FollowUps is { } followUps)
            blocks.AddRange(FollowUpBlocks(followUps, culture));

        blocks.Add(new Spacer(12));
        blocks.Add(new Rule());
        blocks.Add(new Paragraph(r.Status == MinutesStatus.Finalised
            ? L("Minutes.FinalisedLine", r.VersionNumber, BoardTime.ToLocal(createdUtc).ToString("g", culture), r.FinalisedBy ?? "—")
            : L("Minutes.DraftLine", r.VersionNumber), TextStyle.Small | TextStyle.Muted));

        return new Document
        {
            Metadata = new DocumentMetadata(L("Minutes.Heading", title), culture.Name, new DateTimeOffset(createdUtc, TimeSpan.Zero))
            {
                Subject = L("Minutes.Subject", date),
                Author = L("Minutes.Author"),
            },
            Header = new PageHeader(L("Minutes.HeaderLeft", title), date),
            Footer = new PageFooter(L("Minutes.Confidential"), L("Minutes.PageOf")),
            Watermark = r.Status == MinutesStatus.Finalised ? null : L("Minutes.Draft"),
            Blocks = blocks,
        };
    }

    private IEnumerable<KeyValue> MeetingFacts(MinutesRecord r, string date, CultureInfo culture)
    {
        yield return new KeyValue(L("Minutes.Date"), date);
        var start = BoardTime.ToLocal(r.StartedAtUtc ?? r.StartsAtUtc).ToString("t", culture);
        var end = r.ClosedAtUtc is { } closed ? BoardTime.ToLocal(closed).ToString("t", culture) : "—";
        yield return new KeyValue(L("Minutes.Time"), $"{start} – {end}");
        yield return new KeyValue(L("Minutes.Chair"), r.Chair ?? "—");
        yield return new KeyValue(L("Minutes.Secretary"), r.Secretary ?? "—");
        yield return new KeyValue(L("Minutes.Language"), L($"Language.{r.Language}"));
        yield return new KeyValue(L("Minutes.VotingMode"), L($"VotingMode.{r.VotingMode}"));
        yield return new KeyValue(L("Minutes.Version"), r.Status == MinutesStatus.Finalised
            ? L("Minutes.VersionFinal", r.VersionNumber)
            : L("Minutes.VersionDraft", r.VersionNumber));
    }

    private IEnumerable<Block> CaseBlocks(CaseRecord c, CultureInfo culture)
    {
        var heading = $"{c.Position}. {c.Code} — {c.CentreName}";
        yield return new Heading(3, c.IsLateAddition ? $"{heading} ({L("Minutes.LateAddition")})" : heading);
        var facts = new List<KeyValue>
        {
            new(L("Minutes.Presenter"), c.Presenter ?? "—"),
            new(L("Minutes.Patient"), $"{Age(localizer, c.AgeYears, c.AgeMonths, culture)}, {L($"Sex.{c.Sex}").ToLower(culture)}"),
            new(L("Minutes.Diagnosis"), c.Diagnosis),
        };
        if (c.Iccc3 is not null)
            facts.Add(new KeyValue("ICCC-3", c.Iccc3));
        facts.Add(new KeyValue(L("Minutes.Question"), c.Question));
        yield return new KeyValueBlock(facts);

        if (c.Options.Count > 0)
        {
            yield return new Table(
                [new TableColumn(L("Minutes.Option"), 4f), new TableColumn(L("Minutes.Trial"), 1.6f), new TableColumn(L("Minutes.Votes"), 1f, ColumnAlignment.Right)],
                c.Options.Select(o => (IReadOnlyList<string>)[o.IsWinner ? $"{o.Label} ✓" : o.Label, o.Trial ?? "", o.Votes.ToString(culture)])
                    .Append([L("Minutes.Abstentions"), "", c.Abstentions.ToString(culture)]));
            yield return new Paragraph(L("Minutes.VoteSummary", c.VotesCast, c.Abstentions, c.CentresRepresented)
                + (c.IsTie ? " " + L("Minutes.Tie") : ""), TextStyle.Small | TextStyle.Muted);
        }

        if (c.Recommendation is { } rec)
        {
            var recommendation = new List<KeyValue> { new(L("Minutes.Recommendation"), Chosen(rec)), new(L("Minutes.Rationale"), OrDash(rec.Rationale)) };
            recommendation.Add(new KeyValue(L("Minutes.Consensus"), L($"Consensus.{rec.Consensus}")));
            if (!string.IsNullOrWhiteSpace(rec.Dissent))
                recommendation.Add(new KeyValue(L("Minutes.Dissent"), rec.Dissent));
            if (!string.IsNullOrWhiteSpace(rec.TrialReferral))
                recommendation.Add(new KeyValue(L("Minutes.TrialReferral"), rec.TrialReferral));
            recommendation.Add(new KeyValue(L("Minutes.Quorum"), rec.QuorumMet ? L("Minutes.QuorumMet") : L("Minutes.QuorumNotMet")));
            if (c.Moc is { } moc)
                recommendation.Add(new KeyValue(L("Moc.Title"), localizer.Summary(moc)));
            yield return new KeyValueBlock(recommendation);
        }
        else
        {
            yield return new Paragraph(L("Minutes.NoRecommendation"), TextStyle.Italic);
            if (c.Moc is { } moc)
                yield return new KeyValueBlock([new KeyValue(L("Moc.Title"), localizer.Summary(moc))]);
        }

        if (c.Summary is not null)
        {
            yield return new Heading(4, L("Minutes.Summary"));
            yield return new Paragraph(c.Summary);
        }
        if (c.FollowUps.Count > 0)
        {
            yield return new Heading(4, L("Minutes.FollowUps"));
            yield return new Table(
                [new TableColumn(L("Minutes.Action"), 4f), new TableColumn(L("Minutes.Who"), 2f), new TableColumn(L("Minutes.Due"), 1.3f, ColumnAlignment.Right)],
                c.FollowUps.Select(f => (IReadOnlyList<string>)[f.Action, f.Owner ?? "—", f.DueDate?.ToString("d", culture) ?? "—"]));
        }
        yield return new Spacer(8);
    }

    /// <summary>The follow-up section of the agenda, as the board was shown it when the meeting began; each title stays with its table.</summary>
    private IEnumerable<Block> FollowUpBlocks(FollowUps.FollowUpAgenda f, CultureInfo culture)
    {
        var heading = new Heading(2, L("Agenda.FollowUp"));
        if (f.IsEmpty)
        {
            yield return new KeepTogether([heading, new Paragraph(L("Agenda.FollowUpEmpty"), TextStyle.Italic)]);
            yield break;
        }
        string Day(DateTime utc) => BoardTime.ToLocal(utc).ToString("D", culture);
        var reportedTitle = new Paragraph(f.SinceUtc is { } since ? L("Agenda.FollowUpReportedSince", Day(since)) : L("Agenda.FollowUpReportedAll"), TextStyle.Bold);
        yield return new KeepTogether([heading, reportedTitle, f.Reported.Count == 0
            ? new Paragraph(L("Agenda.FollowUpNoneReported"), TextStyle.Italic)
            : new Table(
                [new TableColumn(L("Minutes.Case"), 1.5f), new TableColumn(L("Minutes.Centre"), 0.9f), new TableColumn(L("FollowUp.Milestone"), 1.6f), new TableColumn(L("FollowUp.Value"), 4f)],
                f.Reported.Select(x => (IReadOnlyList<string>)[x.CaseCode, x.CentreCode, FollowUps.FollowUpText.Milestone(localizer, x.Entry.Milestone), ReportedText(x.Entry, culture)]))]);
        var overdueTitle = new Paragraph(L("Agenda.FollowUpOverdue", Day(f.UntilUtc)), TextStyle.Bold);
        yield return new KeepTogether([overdueTitle, f.Overdue.Count == 0
            ? new Paragraph(L("Agenda.FollowUpNoneOverdue"), TextStyle.Italic)
            : new Table(
                [new TableColumn(L("Minutes.Case"), 1.5f), new TableColumn(L("Minutes.Centre"), 0.9f), new TableColumn(L("FollowUp.Milestone"), 1.6f), new TableColumn(L("FollowUp.Due"), 4f)],
                f.Overdue.Select(o => (IReadOnlyList<string>)[o.CaseCode, o.CentreCode, FollowUps.FollowUpText.Milestone(localizer, o.Milestone), FollowUps.FollowUpText.Due(localizer, o.Milestone, o.Dates)]))]);
    }

    // What was reported, its detail and the reason of a correction, then who and when: one cell of the minutes' table.
    private string ReportedText(FollowUps.FollowUpEntryView e, CultureInfo culture)
    {
        var lines = new List<string>();
        var value = FollowUps.FollowUpText.Value(localizer, e);
        lines.Add(e.Kind == TumourBoard.Domain.FollowUps.FollowUpEntryKind.Corrected ? $"{L("FollowUp.Kind.Corrected")}: {value}" : value);
        if (e.Detail is not null)
            lines.Add(e.Detail);
        if (e.CorrectionReason is not null)
            lines.Add(L("FollowUp.Because", e.CorrectionReason));
        lines.Add(L("FollowUp.ReportedBy", e.ReportedBy ?? "—", BoardTime.ToLocal(e.ReportedAtUtc).ToString("g", culture)));
        return string.Join("\n", lines);
    }

    private Document ComposeLetter(LetterRecord l, DateTime createdUtc, CultureInfo culture)
    {
        var date = BoardTime.ToLocal(l.MeetingStartsAtUtc).ToString("D", culture);
        var rec = l.Recommendation;
        var facts = new List<KeyValue>
        {
            new(L("Minutes.Case"), l.CaseCode),
            new(L("Minutes.SubmittingCentre"), l.CentreName),
            new(L("Minutes.MeetingOf"), date),
            new(L("Minutes.Chair"), l.Chair ?? "—"),
        };
        var decision = new List<KeyValue>
        {
            new(L("Minutes.Question"), l.Question),
            new(L("Minutes.Recommendation"), Chosen(rec)),
            new(L("Minutes.Rationale"), OrDash(rec.Rationale)),
            new(L("Minutes.Consensus"), L($"Consensus.{rec.Consensus}")),
        };
        if (!string.IsNullOrWhiteSpace(rec.TrialReferral))
            decision.Add(new KeyValue(L("Minutes.TrialReferral"), rec.TrialReferral));
        if (!rec.QuorumMet)
            decision.Add(new KeyValue(L("Minutes.Quorum"), L("Minutes.QuorumNotMet")));
        return new Document
        {
            Metadata = new DocumentMetadata(L("Minutes.LetterTitle", l.CaseCode), culture.Name, new DateTimeOffset(createdUtc, TimeSpan.Zero))
            {
                Subject = L("Minutes.Subject", date),
                Author = L("Minutes.Author"),
            },
            Header = new PageHeader(L("Minutes.Author"), date),
            Footer = new PageFooter(L("Minutes.Confidential"), L("Minutes.PageOf")),
            Blocks =
            [
                new Heading(1, L("Minutes.LetterTitle", l.CaseCode)),
                new Paragraph(L("Minutes.LetterIntro", date)),
                new Spacer(6),
                new KeyValueBlock(facts),
                new Spacer(6),
                new Heading(2, L("Minutes.BoardRecommendation")),
                new KeyValueBlock(decision),
                new Spacer(12),
                new Paragraph(L("Minutes.LetterClosing"), TextStyle.Small | TextStyle.Muted),
            ],
        };
    }

    // The option chosen, the free text, or both (an option made precise in words).
    private static string Chosen(RecommendationRecord r) =>
        r.Option is null ? r.Text ?? "—" : r.Text is null ? r.Option : $"{r.Option}\n{r.Text}";

    /// <summary>
    /// A child's age in words, "1 year 1 month", "2 years 3 months", with the singular as each language has it: for one
    /// in English and Dutch, for zero and one in French.
    /// </summary>
    internal static string Age(IStringLocalizer<SharedResource> localizer, int years, int months, CultureInfo culture)
    {
        bool Singular(int n) => culture.TwoLetterISOLanguageName == "fr" ? n is 0 or 1 : n == 1;
        string Part(string unit, int n) => localizer[$"Minutes.Age{unit}.{(Singular(n) ? "One" : "Other")}", n.ToString(culture)];
        return localizer["Minutes.Age", Part("Years", years), Part("Months", months)];
    }

    private static string OrDash(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;

    private static string Period(AttendancePeriod p, CultureInfo culture) =>
        $"{BoardTime.ToLocal(p.JoinedAtUtc).ToString("t", culture)}–{(p.LeftAtUtc is { } left ? BoardTime.ToLocal(left).ToString("t", culture) : "")}";
}
