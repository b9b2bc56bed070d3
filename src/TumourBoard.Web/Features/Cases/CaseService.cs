using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TumourBoard.Domain;
using TumourBoard.Domain.Audit;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Diagnoses;
using TumourBoard.Domain.People;
using TumourBoard.Web.Data;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Features.Audit;

namespace TumourBoard.Web.Features.Cases;

/// <summary>
/// Case submission for the UI and the API alike. Every rule of who may see or change a case is asked of
/// <see cref="Access"/>; the identifying-data guard runs inside the entity at every save.
/// </summary>
public sealed class CaseService(
    IDbContextFactory<TumourBoardDbContext> dbFactory,
    IDataProtectionProvider dataProtection,
    AuditTrail audit,
    SubmissionLimiter submissions,
    TimeProvider time)
{
    private readonly IDataProtector _localReferences = dataProtection.CreateProtector("TumourBoard.Cases.LocalReference.v1");

    /// <summary>How many of the actor's own centre's cases stand in each status (drafts included: they are the centre's own).</summary>
    public async Task<IReadOnlyDictionary<CaseStatus, int>> CentreCountsAsync(Actor actor, CancellationToken ct = default)
    {
        Access.Demand(!actor.IsAdmin && actor.CentreId is not null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.Cases.AsNoTracking().Where(c => c.CentreId == actor.CentreId)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return Enum.GetValues<CaseStatus>().ToDictionary(s => s, s => counts.SingleOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    public async Task<IReadOnlyList<CaseSummary>> ListAsync(Actor actor, CaseFilter filter, CancellationToken ct = default)
    {
        Access.Demand(!actor.IsAdmin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Cases.AsNoTracking().Where(Access.VisibleCases(actor));
        if (filter.Status is { } status)
            query = query.Where(c => c.Status == status);
        if (filter.CentreId is { } centre)
            query = query.Where(c => c.CentreId == centre);
        if (filter.Urgency is { } urgency)
            query = query.Where(c => c.Urgency == urgency);
        return await query
            .OrderByDescending(c => c.Urgency == Urgency.Urgent).ThenByDescending(c => c.UpdatedAtUtc)
            .Take(500)
            .Select(c => new CaseSummary(c.Id, c.Code, c.CentreId, db.Centres.Where(x => x.Id == c.CentreId).Select(x => x.Code).First(),
                c.Status, c.Urgency, c.DiagnosisLabel, c.Iccc3Group, c.AgeYears, c.AgeMonths, c.Sex, c.SubmittedAtUtc, c.UpdatedAtUtc))
            .ToListAsync(ct);
    }

    public async Task<CaseDetails> GetAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Tracked, not AsNoTracking: the row version is a shadow property, only kept for tracked entities.
        var @case = await db.Cases.Include(c => c.Options).Include(c => c.Events).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        Demand(actor, @case);
        var centre = await db.Centres.AsNoTracking().SingleAsync(c => c.Id == @case!.CentreId, ct);
        var userIds = @case!.Events.Select(e => e.UserId).Append(@case.PresenterId).OfType<Guid>().Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var version = db.VersionOf(@case);
        await audit.RecordAsync(actor, "case.view", "case", @case.Id, ct: ct);

        var canSeeReference = Access.CanSeeLocalReference(actor, @case.CentreId);
        var canWrite = Access.CanWriteCase(actor, @case.CentreId);
        var classification = @case.Morphology is not null && @case.Topography is not null
            ? Iccc3.Classify(IcdO3Morphology.Parse(@case.Morphology), IcdO3Topography.Parse(@case.Topography))
            : null;
        return new CaseDetails(
            @case.Id, @case.Code, @case.CentreId, centre.Code, centre.Name, @case.Status, @case.Snapshot(),
            @case.Iccc3Group, @case.Iccc3Subgroup, classification is { IsClassified: true } ? classification.ExtendedSubgroupName : null,
            @case.PresenterId is { } p && names.TryGetValue(p, out var presenter) ? presenter : null,
            @case.CreatedAtUtc, @case.SubmittedAtUtc, @case.UpdatedAtUtc,
            @case.Options.Select(o => new CaseOptionView(o.Id, o.Position, o.Label, o.Detail, o.Trial, o.AddedInDiscussion)).ToList(),
            @case.Events.OrderBy(e => e.AtUtc).ThenBy(e => e.Id)
                .Select(e => new CaseEventView(e.Kind, e.AtUtc, e.UserId is { } u && names.TryGetValue(u, out var n) ? n : null, e.ChangedFields, e.Note, e.PreviousContent is not null))
                .ToList(),
            canSeeReference ? Unprotect(@case.ProtectedLocalReference) : null,
            canSeeReference,
            canWrite && @case.IsEditable,
            canWrite && @case.Status == CaseStatus.Draft,
            canWrite && @case.Status is CaseStatus.Draft or CaseStatus.Submitted or CaseStatus.Deferred,
            version,
            await DiscussionsAsync(db, @case, ct));
    }

    /// <summary>Each meeting that discussed the case, with the MOC check of that discussion.</summary>
    private static async Task<IReadOnlyList<CaseDiscussionView>> DiscussionsAsync(TumourBoardDbContext db, PatientCase @case, CancellationToken ct)
    {
        var meetingIds = await db.AgendaItems.Where(i => i.CaseId == @case.Id && i.Status == TumourBoard.Domain.Meetings.AgendaItemStatus.Discussed)
            .Select(i => i.MeetingId).ToListAsync(ct);
        if (meetingIds.Count == 0)
            return [];
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Items).Where(m => meetingIds.Contains(m.Id)).OrderBy(m => m.StartsAtUtc).ToListAsync(ct);
        var discussions = new List<CaseDiscussionView>();
        foreach (var meeting in meetings)
        {
            var item = meeting.Items.Single(i => i.CaseId == @case.Id && i.Status == TumourBoard.Domain.Meetings.AgendaItemStatus.Discussed);
            var moc = await Moc.MocService.CheckAsync(db, meeting, [(item, item.PresenterId ?? @case.PresenterId)], ct);
            discussions.Add(new CaseDiscussionView(meeting.Id, meeting.Title, meeting.StartsAtUtc, meeting.Status, moc.GetValueOrDefault(item.Id)));
        }
        return discussions;
    }

    public async Task<(int Id, string Code)> CreateDraftAsync(Actor actor, CaseContent content, string? localReference, CancellationToken ct = default)
    {
        Access.Demand(Access.CanWriteCases(actor));
        var centreId = actor.CentreId!.Value;
        var reference = ValidLocalReference(localReference);
        // A clinician writing their own case presents it unless they name someone else.
        if (content.PresenterId is null && actor.Role == Roles.Clinician)
            content = content with { PresenterId = actor.UserId };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidatePresenterAsync(db, centreId, content.PresenterId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        // The code's year is the board's (Brussels) year, also in the first hour of 1 January.
        var year = TumourBoard.Domain.Meetings.BoardTime.ToLocal(now).Year;
        // Validate before a code is taken, so a refused case does not use up a number.
        _ = PatientCase.Draft("pending", centreId, actor.UserId, content, now);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await db.Database.SqlQuery<int>(
            $"""INSERT INTO case_code_counters ("Year", "Last") VALUES ({year}, 1) ON CONFLICT ("Year") DO UPDATE SET "Last" = case_code_counters."Last" + 1 RETURNING "Last" AS "Value" """)
            .ToListAsync(ct);
        var @case = PatientCase.Draft(CaseCode.Format(year, number[0]), centreId, actor.UserId, content, now);
        @case.SetProtectedLocalReference(reference is null ? null : _localReferences.Protect(reference));
        db.Cases.Add(@case);
        await db.SaveChangesAsync(ct);
        audit.Add(db, actor, "case.create", "case", @case.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (@case.Id, @case.Code);
    }

    /// <summary>Saves an edit; refused when someone changed the case since <paramref name="version"/> was read (when given).</summary>
    public async Task<CaseStatus> UpdateAsync(Actor actor, int id, CaseContent content, string? localReference, uint? version, CancellationToken ct = default)
    {
        var reference = ValidLocalReference(localReference);
        return await ChangeAsync(actor, id, version, "case.edit", async (db, @case, now) =>
        {
            await ValidatePresenterAsync(db, @case.CentreId, content.PresenterId, ct);
            @case.Edit(content, actor.UserId, now);
            @case.SetProtectedLocalReference(reference is null ? null : _localReferences.Protect(reference));
        }, ct);
    }

    public Task<CaseStatus> SubmitAsync(Actor actor, int id, uint? version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "case.submit", (_, @case, now) =>
        {
            submissions.Take(actor);
            @case.Submit(actor.UserId, now);
            return Task.CompletedTask;
        }, ct);

    public Task<CaseStatus> WithdrawAsync(Actor actor, int id, string? reason, uint? version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, "case.withdraw", (_, @case, now) =>
        {
            @case.Withdraw(actor.UserId, reason, now);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Clinicians of a centre, who may present its cases.</summary>
    public async Task<IReadOnlyList<Presenter>> PresentersAsync(Actor actor, int centreId, CancellationToken ct = default)
    {
        Access.Demand(!actor.IsAdmin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PresenterQuery(db, centreId).OrderBy(u => u.DisplayName).Select(u => new Presenter(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>Applies one change to a case with its audit entry, in one transaction; returns the case's new status.</summary>
    private async Task<CaseStatus> ChangeAsync(Actor actor, int id, uint? version, string action, Func<TumourBoardDbContext, PatientCase, DateTime, Task> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var @case = await db.Cases.Include(c => c.Options).Include(c => c.Events).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        Demand(actor, @case);
        Access.Demand(Access.CanWriteCase(actor, @case!.CentreId));
        if (version is { } expected)
            db.ExpectVersion(@case, expected);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await change(db, @case, time.GetUtcNow().UtcDateTime);
        audit.Add(db, actor, action, "case", @case.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return @case.Status;
    }

    private static void Demand(Actor actor, PatientCase? @case)
    {
        if (@case is null || !Access.CanKnowOfCase(actor, @case.CentreId, @case.Status))
            throw new CaseNotFoundException();
        Access.Demand(Access.CanSeeCase(actor, @case.CentreId, @case.Status));
    }

    private static IQueryable<AppUser> PresenterQuery(TumourBoardDbContext db, int centreId) =>
        db.Users.Where(u => u.CentreId == centreId && u.IsActive
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Clinician)));

    private static async Task ValidatePresenterAsync(TumourBoardDbContext db, int centreId, Guid? presenterId, CancellationToken ct)
    {
        if (presenterId is { } id && !await PresenterQuery(db, centreId).AnyAsync(u => u.Id == id, ct))
            throw new CaseValidationException([new FieldError("presenterId", "Case.PresenterInvalid")]);
    }

    private static string? ValidLocalReference(string? reference)
    {
        reference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        if (reference?.Length > CaseRules.MaxLocalReference)
            throw new CaseValidationException([new FieldError("localReference", "Case.TooLong")]);
        if (reference is not null && reference.Any(char.IsControl))
            throw new CaseValidationException([new FieldError("localReference", "Case.InvalidCharacters")]);
        return reference;
    }

    private string? Unprotect(string? protectedValue) =>
        protectedValue is null ? null : _localReferences.Unprotect(protectedValue);
}
