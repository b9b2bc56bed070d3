using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Diagnoses;
using TumourBoard.Domain.Meetings;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Features.Audit;
using TumourBoard.Web.Features.Meetings;
using TumourBoard.Web.Features.Realtime;

namespace TumourBoard.Web.Features.Minutes;

/// <summary>
/// The minutes of a meeting: drafted when it closes, the narrative edited by the coordinators and the secretary,
/// finalised by a coordinator into versions whose PDF and SHA-256 are kept, exported and verified.
/// </summary>
public sealed class MinutesService(IDbContextFactory<TumourBoardDbContext> dbFactory, MinutesDocument document, AuditTrail audit, TimeProvider time)
{
    /// <summary>The largest PDF the verification accepts (a 40-case meeting's minutes are well under a megabyte).</summary>
    public const int MaxVerifiedFileBytes = 20 * 1024 * 1024;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<MinutesView> GetAsync(Actor actor, int meetingId, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, minutes) = await LoadAsync(db, meetingId, ct);
        var record = await RecordAsync(db, meeting, minutes, ct);
        var versions = await VersionsAsync(db, minutes.Id, ct);
        return new MinutesView(record, versions,
            minutes.IsEditable && Access.CanEditMinutes(actor, meeting.SecretaryId),
            minutes.IsEditable && Access.CanFinaliseMinutes(actor),
            Access.CanExportMinutes(actor),
            minutes.Id == 0 ? 0 : db.VersionOf(minutes));
    }

    /// <summary>Replaces one case's summary and follow-up actions; refused once finalised or when someone saved in between.</summary>
    public async Task EditCaseAsync(Actor actor, int meetingId, int itemId, CaseNarrativeRequest request, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, minutes) = await LoadAsync(db, meetingId, ct);
        Access.Demand(Access.CanEditMinutes(actor, meeting.SecretaryId));
        if (request.Version is { } expected && minutes.Id != 0)
            db.ExpectVersion(minutes, expected);
        var followUps = (request.FollowUps ?? []).Select(f => new FollowUpAction(f.Action ?? "", f.Owner, f.DueDate)).ToList();
        minutes.EditCase(itemId, request.Summary, followUps, Now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Add(db, actor, "minutes.edit", "meeting", meetingId);
        await PostgresEventRelay.NotifyAsync(db, new BoardEvent(BoardEventTypes.MeetingChanged, meetingId, itemId, Now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Freezes the minutes as a new version: its PDF is rendered once, kept, and identified by its SHA-256.</summary>
    public async Task<MinutesVersionInfo> FinaliseAsync(Actor actor, int meetingId, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        Access.Demand(Access.CanFinaliseMinutes(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, minutes) = await LoadAsync(db, meetingId, ct);
        if (!minutes.IsEditable)
            throw new DomainException("Minutes.Finalised", "The minutes are finalised; start a correction to change them.");
        var now = Now;
        var record = await RecordAsync(db, meeting, minutes, ct) with { Status = MinutesStatus.Finalised, FinalisedBy = await NameAsync(db, actor.UserId, ct) };
        var pdf = document.Minutes(record, now);
        var version = minutes.Finalise(actor.UserId, now, pdf, Sha256Of(pdf));
        meeting.MarkMinutesFinalised();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Add(db, actor, "minutes.finalise", "meeting", meetingId);
        await PostgresEventRelay.NotifyAsync(db, new BoardEvent(BoardEventTypes.MeetingChanged, meetingId, null, now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new MinutesVersionInfo(version.Number, version.FinalisedAtUtc, await NameAsync(db, actor.UserId, ct), version.CorrectionReason, version.Sha256);
    }

    /// <summary>Opens a correction of finalised minutes; earlier versions stay as they were issued.</summary>
    public async Task StartCorrectionAsync(Actor actor, int meetingId, string? reason, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        Access.Demand(Access.CanFinaliseMinutes(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, minutes) = await LoadAsync(db, meetingId, ct);
        minutes.StartCorrection(reason, Now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        audit.Add(db, actor, "minutes.correct", "meeting", meetingId);
        await PostgresEventRelay.NotifyAsync(db, new BoardEvent(BoardEventTypes.MeetingChanged, meetingId, null, Now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The minutes as a PDF: a finalised version exactly as it was issued, or (without a version, before finalisation or
    /// during a correction) the draft, marked DRAFT on every page.
    /// </summary>
    public async Task<PdfFile> ExportAsync(Actor actor, int meetingId, int? versionNumber, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        Access.Demand(Access.CanExportMinutes(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, minutes) = await LoadAsync(db, meetingId, ct);
        var date = BoardTime.ToLocal(meeting.StartsAtUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        PdfFile file;
        if (versionNumber is { } number || minutes.Status == MinutesStatus.Finalised)
        {
            var wanted = versionNumber ?? minutes.LatestVersion;
            var pdf = minutes.Id == 0 ? null : await db.MinutesVersions.Where(v => EF.Property<int>(v, "MinutesId") == minutes.Id && v.Number == wanted)
                .Select(v => v.Pdf).SingleOrDefaultAsync(ct);
            if (pdf is null)
                throw new DomainException("Minutes.VersionNotFound", "These minutes have no finalised version with this number.");
            file = new PdfFile(pdf, versionNumber is null ? $"minutes-{date}.pdf" : $"minutes-{date}-v{wanted}.pdf");
        }
        else
        {
            var record = await RecordAsync(db, meeting, minutes, ct);
            file = new PdfFile(document.Minutes(record, minutes.UpdatedAtUtc), $"minutes-{date}-draft.pdf");
        }
        await audit.RecordAsync(actor, "minutes.export", "meeting", meetingId, ct: ct);
        return file;
    }

    /// <summary>
    /// The record of the minutes with their latest finalised version (PDF included), for exports in other formats; as
    /// the PDF export, for board members only. The caller audits the export.
    /// </summary>
    internal async Task<(MinutesRecord Record, MinutesVersion? Latest)> ForExportAsync(Actor actor, int meetingId, CancellationToken ct)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        Access.Demand(Access.CanExportMinutes(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, minutes) = await LoadAsync(db, meetingId, ct);
        var record = await RecordAsync(db, meeting, minutes, ct);
        var latest = minutes.LatestVersion == 0 ? null : await db.MinutesVersions.AsNoTracking()
            .SingleAsync(v => EF.Property<int>(v, "MinutesId") == minutes.Id && v.Number == minutes.LatestVersion, ct);
        return (record, latest);
    }

    /// <summary>The one-page letter to the referring clinician of a case once its recommendation is recorded.</summary>
    public async Task<PdfFile> LetterAsync(Actor actor, int meetingId, int itemId, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        Access.Demand(Access.CanExportMinutes(actor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new MeetingNotFoundException();
        var item = meeting.Items.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainException("Agenda.ItemNotFound", "This item is not on this meeting's agenda.");
        var r = item.Recommendation ?? throw new DomainException("Minutes.NoRecommendation", "The board has not recorded a recommendation for this case.");
        var @case = await db.Cases.AsNoTracking().Include(c => c.Options).SingleAsync(c => c.Id == item.CaseId, ct);
        var centre = await db.Centres.Where(c => c.Id == @case.CentreId).Select(c => c.Name).SingleAsync(ct);
        var letter = new LetterRecord(meeting.Id, meeting.StartsAtUtc, meeting.Title, meeting.Language,
            meeting.ChairId is { } chair ? await NameAsync(db, chair, ct) : null, @case.Code, centre, @case.Question,
            RecommendationOf(r, @case.Options.SingleOrDefault(o => o.Id == r.OptionId)?.Label, await TrialTitlesAsync(db, [r.TrialId], ct)));
        var pdf = document.Letter(letter, r.RecordedAtUtc);
        await audit.RecordAsync(actor, "minutes.letter", "agenda-item", itemId, ct: ct);
        return new PdfFile(pdf, $"recommendation-{@case.Code}.pdf");
    }

    /// <summary>Tells whether a PDF is a finalised version of some minutes, and which.</summary>
    public async Task<VerificationResult> VerifyAsync(Actor actor, byte[] pdf, CancellationToken ct = default)
    {
        Access.Demand(Access.CanSeeMeetings(actor));
        var sha = Sha256Of(pdf);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.MinutesVersions.Where(v => v.Sha256 == sha)
            .Join(db.Minutes, v => EF.Property<int>(v, "MinutesId"), m => m.Id, (v, m) => new { v.Number, v.FinalisedAtUtc, m.MeetingId, m.LatestVersion })
            .Join(db.Meetings, x => x.MeetingId, m => m.Id, (x, m) => new { x.Number, x.FinalisedAtUtc, x.MeetingId, x.LatestVersion, m.Title, m.StartsAtUtc })
            .SingleOrDefaultAsync(ct);
        return found is null
            ? new VerificationResult(sha, false, null, null, null, null, null, null)
            : new VerificationResult(sha, true, found.MeetingId, found.Title, found.StartsAtUtc, found.Number, found.FinalisedAtUtc, found.Number == found.LatestVersion);
    }

    /// <summary>The record of a meeting that does not exist: runs every query of an export and reads nothing (start-up warm-up).</summary>
    internal async Task<MinutesRecord> EmptyRecordAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = Meeting.Extra(Now.AddDays(1), 60, null, Domain.Common.BoardLanguage.English, null, Guid.Empty);
        return await RecordAsync(db, meeting, MeetingMinutes.Draft(0, [], Now), ct);
    }

    public static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The meeting and its minutes; minutes of a meeting closed before they existed are drafted on first use.</summary>
    private async Task<(Meeting Meeting, MeetingMinutes Minutes)> LoadAsync(TumourBoardDbContext db, int meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new MeetingNotFoundException();
        if (meeting.Status is not (MeetingStatus.Closed or MeetingStatus.MinutesFinalised))
            throw new DomainException("Minutes.MeetingNotClosed", "The minutes are drafted once the meeting has closed.");
        // Versions are not loaded: each holds its PDF, and a new one is only added.
        var minutes = await db.Minutes.SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        if (minutes is null)
        {
            minutes = MeetingMinutes.Draft(meetingId, meeting.Items.Where(i => i.Status == AgendaItemStatus.Discussed).Select(i => i.Id), meeting.ClosedAtUtc ?? Now);
            db.Minutes.Add(minutes);
        }
        return (meeting, minutes);
    }

    private static async Task<IReadOnlyList<MinutesVersionInfo>> VersionsAsync(TumourBoardDbContext db, int minutesId, CancellationToken ct) =>
        await db.MinutesVersions.Where(v => EF.Property<int>(v, "MinutesId") == minutesId).OrderBy(v => v.Number)
            .Select(v => new MinutesVersionInfo(v.Number, v.FinalisedAtUtc, db.Users.Where(u => u.Id == v.FinalisedById).Select(u => u.DisplayName).FirstOrDefault(),
                v.CorrectionReason, v.Sha256))
            .ToListAsync(ct);

    private static Task<string?> NameAsync(TumourBoardDbContext db, Guid userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId).Select(u => (string?)u.DisplayName).FirstOrDefaultAsync(ct);

    private async Task<MinutesRecord> RecordAsync(TumourBoardDbContext db, Meeting meeting, MeetingMinutes minutes, CancellationToken ct)
    {
        var items = meeting.Items;
        var caseIds = items.Select(i => i.CaseId).ToList();
        var itemIds = items.Select(i => i.Id).ToList();
        var cases = await db.Cases.AsNoTracking().Include(c => c.Options).Where(c => caseIds.Contains(c.Id)).AsSplitQuery().ToDictionaryAsync(c => c.Id, ct);
        var centres = await db.Centres.AsNoTracking().ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), ct);
        var attendances = await db.Attendances.AsNoTracking().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.JoinedAtUtc).ToListAsync(ct);
        var votes = await db.Votes.Where(v => itemIds.Contains(v.AgendaItemId)).GroupBy(v => new { v.AgendaItemId, v.OptionId })
            .Select(g => new { g.Key.AgendaItemId, g.Key.OptionId, Count = g.Count() }).ToListAsync(ct);
        var userIds = attendances.Select(a => a.UserId)
            .Concat(items.Select(i => i.PresenterId ?? cases[i.CaseId].PresenterId).OfType<Guid>())
            .Concat(new[] { meeting.ChairId, meeting.SecretaryId }.OfType<Guid>())
            .Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? NameOf(Guid? id) => id is { } g && names.TryGetValue(g, out var n) ? n : null;
        var trialTitles = await TrialTitlesAsync(db, items.Select(i => i.Recommendation?.TrialId), ct);

        var attendees = attendances.GroupBy(a => a.UserId)
            .Select(g =>
            {
                var first = g.First();
                var centre = first.CentreId is { } c && centres.TryGetValue(c, out var x) ? x : default;
                return new AttendeeRecord(NameOf(g.Key) ?? "", centre.Code, centre.Name, first.Discipline, first.Role,
                    g.Select(a => new AttendancePeriod(a.JoinedAtUtc, a.LeftAtUtc ?? meeting.ClosedAtUtc)).ToList());
            })
            .OrderBy(a => a.CentreCode ?? "~").ThenBy(a => a.Discipline.ToString()).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();

        var moc = await Moc.MocService.CheckAsync(db, meeting,
            items.Where(i => i.Status == AgendaItemStatus.Discussed).Select(i => (i, i.PresenterId ?? cases[i.CaseId].PresenterId)).ToList(), ct);
        var discussed = new List<CaseRecord>();
        var deferred = new List<DeferredRecord>();
        foreach (var item in items)
        {
            var @case = cases[item.CaseId];
            var centre = centres[@case.CentreId];
            if (item.Status == AgendaItemStatus.Deferred)
            {
                var notReached = item.DeferralReason == LiveBoard.LiveBoardService.NotReachedReason;
                deferred.Add(new DeferredRecord(@case.Code, centre.Code, notReached ? null : item.DeferralReason, notReached, item.IsLateAddition));
                continue;
            }
            if (item.Status != AgendaItemStatus.Discussed)
                continue;
            var narrative = minutes.Cases.SingleOrDefault(c => c.AgendaItemId == item.Id);
            var options = @case.Options.OrderBy(o => o.Position)
                .Select(o => new OptionRecord(o.Id, o.Label, o.Trial, votes.Where(v => v.AgendaItemId == item.Id && v.OptionId == o.Id).Sum(v => v.Count),
                    item.WinningOptionId == o.Id))
                .ToList();
            var recommendation = item.Recommendation is { } r ? RecommendationOf(r, @case.Options.SingleOrDefault(o => o.Id == r.OptionId)?.Label, trialTitles) : null;
            discussed.Add(new CaseRecord(item.Id, item.Position, @case.Code, centre.Code, centre.Name, NameOf(item.PresenterId ?? @case.PresenterId),
                @case.AgeYears, @case.AgeMonths, @case.Sex, @case.DiagnosisLabel, Iccc3GroupOf(@case.Iccc3Group), @case.Question, item.IsLateAddition, options,
                item.VotesCast ?? 0, item.Abstentions ?? 0, item.CentresRepresented ?? 0, item.IsTie ?? false, recommendation,
                narrative?.Summary, narrative?.FollowUps ?? [], moc.GetValueOrDefault(item.Id)));
        }

        // The follow-up section as the board was shown it when the meeting began.
        var followUps = await FollowUps.FollowUpService.AgendaAsync(db, meeting, Now, ct);
        return new MinutesRecord(meeting.Id, meeting.Title, meeting.StartsAtUtc, meeting.StartedAtUtc, meeting.ClosedAtUtc, meeting.Language,
            NameOf(meeting.ChairId), NameOf(meeting.SecretaryId), meeting.Quorum, meeting.VotingMode, attendees, discussed, deferred,
            minutes.Status, minutes.VersionNumber, minutes.CorrectionReason, FollowUps: followUps,
            MocRules: meeting.MocRules ?? (moc.Count > 0 ? moc.Values.First().Rules : null));
    }

    // A referral to a catalogue trial reads with the trial's title; one the catalogue does not hold keeps its number alone.
    private static RecommendationRecord RecommendationOf(Recommendation r, string? optionLabel, IReadOnlyDictionary<int, string> trialTitles) =>
        new(optionLabel, r.Text, r.Rationale, r.Consensus, r.Dissent,
            r.TrialId is { } trialId && trialTitles.TryGetValue(trialId, out var title) ? $"{r.TrialReferral} — {title}" : r.TrialReferral, r.QuorumMet);

    private static async Task<Dictionary<int, string>> TrialTitlesAsync(TumourBoardDbContext db, IEnumerable<int?> trialIds, CancellationToken ct)
    {
        var ids = trialIds.OfType<int>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Trials.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Title, ct);
    }

    private static string? Iccc3GroupOf(string? numeral) =>
        numeral is null ? null : Iccc3.Groups.FirstOrDefault(g => g.Numeral == numeral) is { } g ? $"{g.Numeral} {g.Name}" : numeral;
}
