using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Cases.Guard;
using TumourBoard.Domain.Minutes;

namespace TumourBoard.Web.Features.Minutes;

/// <summary>
/// What the minutes page's editor holds for one case: the summary and follow-up rows as typed, the narrative and the
/// minutes version they started from, and what the last save was refused for. Someone else's save reaches a form that
/// is being typed in only as a warning; an untouched form simply takes the new text.
/// </summary>
public sealed class NarrativeForm
{
    private CaseNarrative _baseline;
    private List<FollowUpRow> _sent = [];

    private NarrativeForm(int itemId, CaseNarrative baseline, uint baseVersion)
    {
        ItemId = itemId;
        _baseline = baseline;
        BaseVersion = baseVersion;
        Load(baseline);
    }

    public int ItemId { get; }

    public string? Summary { get; set; }

    public List<FollowUpRow> FollowUps { get; private set; } = [];

    /// <summary>The version of the minutes this form's text is based on; a save is refused if this case changed since.</summary>
    public uint BaseVersion { get; private set; }

    /// <summary>Someone else saved this case's narrative while this form had unsaved changes.</summary>
    public bool IsStale { get; private set; }

    /// <summary>A save is under way: events arriving meanwhile leave the form alone.</summary>
    public bool IsSaving { get; set; }

    public string? SummaryErrorCode { get; private set; }

    public string? FollowUpsErrorCode { get; private set; }

    /// <summary>The guard's findings in the summary, with the text it scanned.</summary>
    public (string Text, IReadOnlyList<IdentifierFinding> Findings)? SummaryFindings { get; private set; }

    /// <summary>A refusal that is not about one field (already in the user's language).</summary>
    public string? Error { get; set; }

    /// <summary>The refusal was a concurrent save: the form offers to reload.</summary>
    public bool Conflict { get; set; }

    public bool HasFindings => SummaryFindings is not null || FollowUps.Any(r => r.ActionFindings is not null || r.OwnerFindings is not null);

    public bool CanAddFollowUp => FollowUps.Count < MeetingMinutes.MaxFollowUps;

    public static NarrativeForm From(CaseRecord record, uint version) => new(record.ItemId, NarrativeOf(record), version);

    /// <summary>True when the text differs from the narrative the form started from.</summary>
    public bool IsDirty => !Same(Current(), _baseline);

    public void AddFollowUp()
    {
        if (CanAddFollowUp)
            FollowUps.Add(new FollowUpRow());
    }

    public void RemoveFollowUp(FollowUpRow row) => FollowUps.Remove(row);

    /// <summary>The request to save, trimmed as the server stores it. Rows left entirely blank are not sent.</summary>
    public CaseNarrativeRequest ToRequest()
    {
        _sent = FollowUps.Where(r => !r.IsBlank).ToList();
        return new CaseNarrativeRequest(Trimmed(Summary),
            _sent.Select(r => new FollowUpRequest(r.Action?.Trim() ?? "", Trimmed(r.Owner), r.DueDate)).ToList(), BaseVersion);
    }

    public void ClearRefusal()
    {
        SummaryErrorCode = FollowUpsErrorCode = Error = null;
        SummaryFindings = null;
        Conflict = false;
        foreach (var row in FollowUps)
            row.ClearRefusal();
    }

    /// <summary>Puts the server's field errors of the last <see cref="ToRequest"/> next to the fields they are about.</summary>
    public void ShowErrors(IReadOnlyList<FieldError> errors)
    {
        foreach (var error in errors)
        {
            if (error.Field == "summary")
                SummaryErrorCode = error.Code;
            else if (error.Field == "followUps")
                FollowUpsErrorCode = error.Code;
            else if (SentRow(error.Field) is { } row)
            {
                if (error.Code == "Minutes.FollowUpOwnerTooLong")
                    row.OwnerErrorCode = error.Code;
                else
                    row.ActionErrorCode = error.Code;
            }
        }
    }

    /// <summary>Puts the guard's findings of the last <see cref="ToRequest"/> under the fields they were found in.</summary>
    public void ShowFindings(IReadOnlyList<FieldFinding> findings)
    {
        foreach (var group in findings.GroupBy(f => f.Field))
        {
            var found = (IReadOnlyList<IdentifierFinding>)group.Select(f => f.Finding).ToList();
            if (group.Key == "summary")
                SummaryFindings = (Trimmed(Summary) ?? "", found);
            else if (SentRow(group.Key) is { } row)
            {
                if (group.Key.EndsWith(".owner", StringComparison.Ordinal))
                    row.OwnerFindings = (Trimmed(row.Owner) ?? "", found);
                else
                    row.ActionFindings = (row.Action?.Trim() ?? "", found);
            }
        }
    }

    /// <summary>Starts again from the latest narrative: after this form's own save, or to discard its unsaved text.</summary>
    public void Reset(CaseRecord latest, uint version) => Reset(NarrativeOf(latest), version);

    /// <summary>
    /// The minutes were read again (someone saved, finalised or corrected). An untouched form takes the new text; a
    /// form being typed in is kept, and marked stale when this very case was changed by someone else.
    /// </summary>
    public void Refresh(CaseRecord latest, uint version)
    {
        if (IsSaving)
            return;
        var narrative = NarrativeOf(latest);
        if (Same(narrative, _baseline))
        {
            // Another case changed: this one's text is still based on the latest.
            BaseVersion = version;
        }
        else if (!IsDirty || Same(narrative, Current()))
        {
            Reset(narrative, version);
        }
        else
        {
            IsStale = true;
        }
    }

    private void Reset(CaseNarrative narrative, uint version)
    {
        _baseline = narrative;
        BaseVersion = version;
        IsStale = false;
        Load(narrative);
        ClearRefusal();
    }

    private void Load(CaseNarrative narrative)
    {
        Summary = narrative.Summary;
        FollowUps = narrative.FollowUps.Select(f => new FollowUpRow { Action = f.Action, Owner = f.Owner, DueDate = f.DueDate }).ToList();
    }

    private FollowUpRow? SentRow(string field)
    {
        // "followUps[3]", "followUps[3].action", "followUps[3].owner"
        var open = field.IndexOf('[', StringComparison.Ordinal);
        var close = field.IndexOf(']', StringComparison.Ordinal);
        return open > 0 && close > open && int.TryParse(field.AsSpan(open + 1, close - open - 1), out var index) && index >= 0 && index < _sent.Count
            ? _sent[index]
            : null;
    }

    private CaseNarrative Current() =>
        new(ItemId, Summary, FollowUps.Where(r => !r.IsBlank).Select(r => new FollowUpAction(r.Action ?? "", r.Owner, r.DueDate)).ToList());

    private static CaseNarrative NarrativeOf(CaseRecord record) => new(record.ItemId, record.Summary, record.FollowUps);

    private static bool Same(CaseNarrative a, CaseNarrative b) =>
        Trimmed(a.Summary) == Trimmed(b.Summary)
        && a.FollowUps.Count == b.FollowUps.Count
        && a.FollowUps.Zip(b.FollowUps).All(p => p.First.Action.Trim() == p.Second.Action.Trim() && Trimmed(p.First.Owner) == Trimmed(p.Second.Owner) && p.First.DueDate == p.Second.DueDate);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>One follow-up action as typed, with what the last save said about it.</summary>
public sealed class FollowUpRow
{
    public string? Action { get; set; }

    public string? Owner { get; set; }

    public DateOnly? DueDate { get; set; }

    /// <summary>The due date as the date picker holds it.</summary>
    public DateTime? Due
    {
        get => DueDate?.ToDateTime(TimeOnly.MinValue);
        set => DueDate = value is { } d ? DateOnly.FromDateTime(d) : null;
    }

    public bool IsBlank => string.IsNullOrWhiteSpace(Action) && string.IsNullOrWhiteSpace(Owner) && DueDate is null;

    public string? ActionErrorCode { get; set; }

    public string? OwnerErrorCode { get; set; }

    public (string Text, IReadOnlyList<IdentifierFinding> Findings)? ActionFindings { get; set; }

    public (string Text, IReadOnlyList<IdentifierFinding> Findings)? OwnerFindings { get; set; }

    public void ClearRefusal()
    {
        ActionErrorCode = OwnerErrorCode = null;
        ActionFindings = OwnerFindings = null;
    }
}
