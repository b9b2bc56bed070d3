using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Cases.Guard;

namespace TumourBoard.Domain.Minutes;

public enum MinutesStatus
{
    /// <summary>Drafted from the meeting; the narrative may be edited.</summary>
    Draft,

    /// <summary>The latest version is finalised: nothing may change.</summary>
    Finalised,

    /// <summary>A finalised record is being corrected; the last finalised version stays the record until the next one.</summary>
    Correcting,
}

/// <summary>
/// The minutes of one meeting: what the room recorded (attendance, votes, recommendations; read from the meeting, never
/// edited here) plus the narrative the coordinator and the secretary write, a summary and follow-up actions per case.
/// Finalising freezes a version; a correction opens a new one with a reason and never changes an earlier one.
/// </summary>
public sealed class MeetingMinutes
{
    public const int MaxSummaryLength = 20_000;
    public const int MaxReasonLength = 1_000;
    public const int MaxFollowUps = 20;

    private List<CaseNarrative> _cases = [];
    private readonly List<MinutesVersion> _versions = [];

    private MeetingMinutes() { }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    public MinutesStatus Status { get; private set; }

    public DateTime DraftedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Why the version being prepared corrects the finalised one; null for the first version.</summary>
    public string? CorrectionReason { get; private set; }

    public IReadOnlyList<CaseNarrative> Cases => _cases;

    public IReadOnlyList<MinutesVersion> Versions => _versions.OrderBy(v => v.Number).ToList();

    /// <summary>The number of the latest finalised version; 0 before the first.</summary>
    public int LatestVersion { get; private set; }

    /// <summary>The number the version in preparation will have (or the latest one, once finalised).</summary>
    public int VersionNumber => Status == MinutesStatus.Finalised ? LatestVersion : LatestVersion + 1;

    public bool IsEditable => Status != MinutesStatus.Finalised;

    /// <summary>Drafts the minutes of a meeting that has just closed, with an empty narrative for each discussed item.</summary>
    public static MeetingMinutes Draft(int meetingId, IEnumerable<int> discussedItemIds, DateTime nowUtc)
    {
        var minutes = new MeetingMinutes { MeetingId = meetingId, Status = MinutesStatus.Draft, DraftedAtUtc = nowUtc, UpdatedAtUtc = nowUtc };
        minutes._cases.AddRange(discussedItemIds.Select(id => new CaseNarrative(id, null, [])));
        return minutes;
    }

    public CaseNarrative Narrative(int agendaItemId) =>
        _cases.SingleOrDefault(c => c.AgendaItemId == agendaItemId) ?? throw new DomainException("Minutes.ItemNotDiscussed", "This item was not discussed at the meeting.");

    /// <summary>Replaces the discussion summary and follow-up actions of one case. Free text passes the identifying-data guard.</summary>
    public void EditCase(int agendaItemId, string? summary, IReadOnlyList<FollowUpAction> followUps, DateTime nowUtc)
    {
        EnsureEditable();
        var index = _cases.FindIndex(c => c.AgendaItemId == agendaItemId);
        if (index < 0)
            throw new DomainException("Minutes.ItemNotDiscussed", "This item was not discussed at the meeting.");
        summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
        var errors = new List<FieldError>();
        if (summary is { Length: > MaxSummaryLength })
            errors.Add(new FieldError("summary", "Minutes.SummaryTooLong"));
        if (followUps.Count > MaxFollowUps)
            errors.Add(new FieldError("followUps", "Minutes.TooManyFollowUps"));
        for (var i = 0; i < followUps.Count; i++)
            errors.AddRange(followUps[i].Validate().Select(code => new FieldError($"followUps[{i}]", code)));
        if (errors.Count > 0)
            throw new CaseValidationException(errors);
        IdentifierGuard.EnsureNoIdentifyingData(
            new[] { ("summary", summary) }.Concat(followUps.SelectMany((f, i) => new[] { ($"followUps[{i}].action", (string?)f.Action), ($"followUps[{i}].owner", f.Owner) })));
        _cases[index] = new CaseNarrative(agendaItemId, summary, followUps.Select(f => f.Normalised()).ToList());
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Freezes the version in preparation with the SHA-256 of its PDF; the PDF itself is kept with it.</summary>
    public MinutesVersion Finalise(Guid byUserId, DateTime nowUtc, byte[] pdf, string sha256)
    {
        EnsureEditable();
        var version = new MinutesVersion(LatestVersion + 1, nowUtc, byUserId, CorrectionReason, pdf, sha256);
        _versions.Add(version);
        LatestVersion = version.Number;
        Status = MinutesStatus.Finalised;
        CorrectionReason = null;
        UpdatedAtUtc = nowUtc;
        return version;
    }

    /// <summary>Opens a correction of the finalised minutes; the reason goes with the next version.</summary>
    public void StartCorrection(string? reason, DateTime nowUtc)
    {
        if (Status != MinutesStatus.Finalised)
            throw new DomainException("Minutes.NotFinalised", "Only finalised minutes are corrected; a draft is edited directly.");
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            throw new CaseValidationException([new FieldError("reason", "Minutes.ReasonRequired")]);
        if (reason.Length > MaxReasonLength)
            throw new CaseValidationException([new FieldError("reason", "Minutes.ReasonTooLong")]);
        IdentifierGuard.EnsureNoIdentifyingData([("reason", reason)]);
        CorrectionReason = reason;
        Status = MinutesStatus.Correcting;
        UpdatedAtUtc = nowUtc;
    }

    private void EnsureEditable()
    {
        if (!IsEditable)
            throw new DomainException("Minutes.Finalised", "The minutes are finalised; start a correction to change them.");
    }
}

/// <summary>What the minutes say about one discussed case beyond what the room recorded.</summary>
public sealed record CaseNarrative(int AgendaItemId, string? Summary, IReadOnlyList<FollowUpAction> FollowUps);

/// <summary>Something to do after the meeting: what, who (a role or a team, not a patient), by when.</summary>
public sealed record FollowUpAction(string Action, string? Owner, DateOnly? DueDate)
{
    public const int MaxActionLength = 500;
    public const int MaxOwnerLength = 200;

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Action))
            yield return "Minutes.FollowUpActionRequired";
        else if (Action.Trim().Length > MaxActionLength)
            yield return "Minutes.FollowUpActionTooLong";
        if (Owner?.Trim().Length > MaxOwnerLength)
            yield return "Minutes.FollowUpOwnerTooLong";
    }

    internal FollowUpAction Normalised() => new(Action.Trim(), string.IsNullOrWhiteSpace(Owner) ? null : Owner.Trim(), DueDate);
}

/// <summary>A finalised version: its PDF as it was issued and the SHA-256 that identifies it.</summary>
public sealed class MinutesVersion
{
    private MinutesVersion() { }

    internal MinutesVersion(int number, DateTime finalisedAtUtc, Guid finalisedById, string? correctionReason, byte[] pdf, string sha256)
    {
        Number = number;
        FinalisedAtUtc = finalisedAtUtc;
        FinalisedById = finalisedById;
        CorrectionReason = correctionReason;
        Pdf = pdf;
        Sha256 = sha256;
    }

    public int Id { get; private set; }

    public int Number { get; private set; }

    public DateTime FinalisedAtUtc { get; private set; }

    public Guid FinalisedById { get; private set; }

    /// <summary>Why this version corrects the one before; null for the first.</summary>
    public string? CorrectionReason { get; private set; }

    public byte[] Pdf { get; private set; } = [];

    /// <summary>Lower-case hexadecimal SHA-256 of <see cref="Pdf"/>.</summary>
    public string Sha256 { get; private set; } = "";
}
