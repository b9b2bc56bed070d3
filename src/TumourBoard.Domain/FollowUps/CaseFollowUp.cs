using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Cases.Guard;

namespace TumourBoard.Domain.FollowUps;

/// <summary>
/// What became of the board's recommendation for a discussed case, as its submitting centre reports it: the
/// implementation, then the response at 3, 6 and 12 months. Nothing reported is ever lost: every report, correction
/// and withdrawal is an entry of its own, and the value in force for a milestone is its latest entry.
/// </summary>
public sealed class CaseFollowUp
{
    public const int MaxDetailLength = 1_000;
    public const int MaxCorrectionReasonLength = 500;

    private readonly List<FollowUpEntry> _entries = [];

    private CaseFollowUp() { }

    public int Id { get; private set; }

    public int CaseId { get; private set; }

    /// <summary>The submitting centre, which reports.</summary>
    public int CentreId { get; private set; }

    /// <summary>The agenda item whose recommendation is followed up.</summary>
    public int AgendaItemId { get; private set; }

    /// <summary>The Brussels day the board recorded its recommendation; every due date counts from it.</summary>
    public DateOnly DiscussedOn { get; private set; }

    /// <summary>The trial the recommendation referred the patient to; only then can the centre report an enrolment.</summary>
    public string? TrialReferral { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Nothing more is asked for (<see cref="FollowUpSchedule.IsComplete"/>); kept so that lists of what is due skip it in SQL.</summary>
    public bool IsComplete { get; private set; }

    public IReadOnlyList<FollowUpEntry> Entries => _entries.OrderBy(e => e.Sequence).ToList();

    /// <summary>Opens the follow-up of a recommendation recorded on <paramref name="discussedOn"/>; the caller checks that the case was discussed.</summary>
    public static CaseFollowUp Start(int caseId, int centreId, int agendaItemId, DateOnly discussedOn, string? trialReferral, DateTime nowUtc) => new()
    {
        CaseId = caseId,
        CentreId = centreId,
        AgendaItemId = agendaItemId,
        DiscussedOn = discussedOn,
        TrialReferral = string.IsNullOrWhiteSpace(trialReferral) ? null : trialReferral.Trim(),
        CreatedAtUtc = nowUtc,
        UpdatedAtUtc = nowUtc,
    };

    /// <summary>The entry in force for a milestone, as it stood at <paramref name="asOfUtc"/> (default: now); null when none, or withdrawn.</summary>
    public FollowUpEntry? Current(Milestone milestone, DateTime? asOfUtc = null) =>
        _entries.Where(e => e.Milestone == milestone && (asOfUtc is null || e.ReportedAtUtc <= asOfUtc))
            .MaxBy(e => e.Sequence) is { HoldsValue: true } entry ? entry : null;

    /// <summary>What the schedule needs to know, as it stood at <paramref name="asOfUtc"/> (default: now).</summary>
    public FollowUpFacts Facts(DateTime? asOfUtc = null)
    {
        var current = Enum.GetValues<Milestone>().Select(m => Current(m, asOfUtc)).OfType<FollowUpEntry>().ToList();
        var death = current.Where(e => e.Response == TreatmentResponse.Deceased).Select(e => new RecordedDeath(e.Milestone, e.AssessedOn!.Value)).FirstOrDefault();
        return new FollowUpFacts(DiscussedOn, current.Select(e => e.Milestone).ToHashSet(), death);
    }

    /// <summary>
    /// Applies a report whole, or refuses it whole with every problem found: each milestone once, the reason for an
    /// implementation not carried out, an enrolment only when a trial was referred, responses dated from the
    /// discussion (from their window, unless a death) to <paramref name="today"/>, in milestone order, none after a
    /// death, and the reason for a correction. Values equal to those in force add nothing; a report of nothing is
    /// refused. Returns the entries added.
    /// </summary>
    public IReadOnlyList<FollowUpEntry> Record(FollowUpReport report, Guid by, DateTime nowUtc, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(report);
        var errors = new List<FieldError>();
        var correctionReason = Clean(report.CorrectionReason);
        var implementation = report.Implementation is null ? null : report.Implementation with { Detail = Clean(report.Implementation.Detail) };
        var responses = report.Responses ?? [];
        var withdrawals = report.Withdrawals ?? [];
        if (implementation is null && responses.Count == 0 && withdrawals.Count == 0)
            throw new DomainException("FollowUp.ReportRequired", "Report the implementation, a response or a withdrawal.");

        ValidateShape(errors, implementation, responses, withdrawals);
        if (implementation is not null)
            ValidateImplementation(errors, implementation);
        for (var i = 0; i < responses.Count; i++)
            ValidateResponse(errors, $"responses[{i}]", responses[i], today);
        ValidateText(errors, "correctionReason", correctionReason, MaxCorrectionReasonLength, "FollowUp.CorrectionReasonTooLong");
        if (errors.Count > 0)
            throw new CaseValidationException(errors);
        IdentifierGuard.EnsureNoIdentifyingData([("implementation.detail", implementation?.Detail), ("correctionReason", correctionReason)]);

        // What changes: a first report, a correction of a value in force, or a withdrawal.
        var changes = new List<(Milestone Milestone, FollowUpEntryKind Kind, ImplementationReport? Implementation, ResponseReport? Response)>();
        if (implementation is not null)
        {
            var before = Current(Milestone.Implementation)?.Implementation;
            if (before != implementation)
                changes.Add((Milestone.Implementation, before is null ? FollowUpEntryKind.Reported : FollowUpEntryKind.Corrected, implementation, null));
        }
        foreach (var response in responses)
        {
            var before = Current(response.Milestone)?.ResponseReport;
            if (before != response)
                changes.Add((response.Milestone, before is null ? FollowUpEntryKind.Reported : FollowUpEntryKind.Corrected, null, response));
        }
        for (var i = 0; i < withdrawals.Count; i++)
        {
            if (Current(withdrawals[i]) is null)
                errors.Add(new($"withdrawals[{i}]", "FollowUp.NothingToWithdraw"));
            else
                changes.Add((withdrawals[i], FollowUpEntryKind.Withdrawn, null, null));
        }
        if (correctionReason is null && changes.Any(c => c.Kind != FollowUpEntryKind.Reported))
            errors.Add(new("correctionReason", "FollowUp.CorrectionReasonRequired"));
        ValidateResponsesTogether(errors, responses, withdrawals);
        if (errors.Count > 0)
            throw new CaseValidationException(errors.Distinct().ToList());

        var added = new List<FollowUpEntry>();
        var sequence = _entries.Count == 0 ? 0 : _entries.Max(e => e.Sequence);
        foreach (var (milestone, kind, implementationValue, responseValue) in changes.OrderBy(c => c.Milestone))
        {
            var entry = new FollowUpEntry(++sequence, milestone, kind, implementationValue, responseValue,
                kind == FollowUpEntryKind.Reported ? null : correctionReason, by, nowUtc);
            _entries.Add(entry);
            added.Add(entry);
        }
        if (added.Count > 0)
        {
            UpdatedAtUtc = nowUtc;
            IsComplete = FollowUpSchedule.IsComplete(Facts());
        }
        return added;
    }

    private static void ValidateShape(List<FieldError> errors, ImplementationReport? implementation, IReadOnlyList<ResponseReport> responses, IReadOnlyList<Milestone> withdrawals)
    {
        var seen = new HashSet<Milestone>();
        if (implementation is not null)
            seen.Add(Milestone.Implementation);
        for (var i = 0; i < responses.Count; i++)
        {
            var milestone = responses[i]?.Milestone;
            if (milestone is not { } m || !Enum.IsDefined(m) || !m.IsResponse())
                errors.Add(new($"responses[{i}].milestone", "FollowUp.MilestoneInvalid"));
            else if (!seen.Add(m))
                errors.Add(new($"responses[{i}].milestone", "FollowUp.MilestoneTwice"));
        }
        for (var i = 0; i < withdrawals.Count; i++)
        {
            if (!Enum.IsDefined(withdrawals[i]))
                errors.Add(new($"withdrawals[{i}]", "FollowUp.MilestoneInvalid"));
            else if (!seen.Add(withdrawals[i]))
                errors.Add(new($"withdrawals[{i}]", "FollowUp.MilestoneTwice"));
        }
    }

    private void ValidateImplementation(List<FieldError> errors, ImplementationReport report)
    {
        if (!Enum.IsDefined(report.Outcome))
            errors.Add(new("implementation.outcome", "Case.ChoiceInvalid"));
        else if (report.Outcome == ImplementationOutcome.EnrolledInTrial && TrialReferral is null)
            errors.Add(new("implementation.outcome", "FollowUp.NoTrialReferred"));
        if (report.Reason is { } reason && !Enum.IsDefined(reason))
            errors.Add(new("implementation.reason", "Case.ChoiceInvalid"));
        else if (report.Outcome == ImplementationOutcome.NotImplemented && report.Reason is null)
            errors.Add(new("implementation.reason", "FollowUp.ReasonRequired"));
        else if (report.Outcome != ImplementationOutcome.NotImplemented && report.Reason is not null)
            errors.Add(new("implementation.reason", "FollowUp.ReasonOnlyWhenNotImplemented"));
        if (report.Reason == NotImplementedReason.Other && report.Detail is null)
            errors.Add(new("implementation.detail", "FollowUp.DetailRequired"));
        ValidateText(errors, "implementation.detail", report.Detail, MaxDetailLength, "FollowUp.DetailTooLong");
    }

    private void ValidateResponse(List<FieldError> errors, string path, ResponseReport? report, DateOnly today)
    {
        if (report is null || !Enum.IsDefined(report.Milestone) || !report.Milestone.IsResponse())
            return;
        if (!Enum.IsDefined(report.Response))
            errors.Add(new($"{path}.response", "Case.ChoiceInvalid"));
        var window = FollowUpSchedule.DatesOf(report.Milestone, DiscussedOn);
        if (report.AssessedOn < DiscussedOn)
            errors.Add(new($"{path}.assessedOn", "FollowUp.AssessedBeforeDiscussion"));
        else if (report.AssessedOn > today)
            errors.Add(new($"{path}.assessedOn", "FollowUp.AssessedInFuture"));
        // A death is reported whenever it happened; an assessment belongs to its milestone's window.
        else if (report.Response != TreatmentResponse.Deceased && report.AssessedOn < window.OpensOn)
            errors.Add(new($"{path}.assessedOn", "FollowUp.AssessedTooEarly"));
    }

    /// <summary>The responses in force once the report is applied: dated in milestone order, and none after a death.</summary>
    private void ValidateResponsesTogether(List<FieldError> errors, IReadOnlyList<ResponseReport> responses, IReadOnlyList<Milestone> withdrawals)
    {
        var after = Milestones.Responses.ToDictionary(m => m, m => Current(m)?.ResponseReport);
        foreach (var withdrawn in withdrawals.Where(m => m.IsResponse()))
            after[withdrawn] = null;
        var paths = new Dictionary<Milestone, string>();
        for (var i = 0; i < responses.Count; i++)
        {
            if (responses[i] is { } r && r.Milestone.IsResponse() && paths.TryAdd(r.Milestone, $"responses[{i}]"))
                after[r.Milestone] = r;
        }
        var inForce = Milestones.Responses.Where(m => after[m] is not null).Select(m => after[m]!).ToList();
        for (var i = 0; i < inForce.Count; i++)
        {
            for (var j = i + 1; j < inForce.Count; j++)
            {
                var (earlier, later) = (inForce[i], inForce[j]);
                // Only what this report changes is named; values already in force were valid when they were reported.
                if (earlier.Response == TreatmentResponse.Deceased)
                {
                    if (paths.TryGetValue(later.Milestone, out var laterPath))
                        errors.Add(new($"{laterPath}.response", "FollowUp.ResponseAfterDeath"));
                    else if (paths.TryGetValue(earlier.Milestone, out var earlierPath))
                        errors.Add(new($"{earlierPath}.response", "FollowUp.LaterResponseRecorded"));
                }
                else if (later.AssessedOn < earlier.AssessedOn && (paths.TryGetValue(later.Milestone, out var path) || paths.TryGetValue(earlier.Milestone, out path)))
                    errors.Add(new($"{path}.assessedOn", "FollowUp.AssessmentOutOfOrder"));
            }
        }
    }

    private static void ValidateText(List<FieldError> errors, string field, string? text, int max, string tooLong)
    {
        if (text is null)
            return;
        if (text.Length > max)
            errors.Add(new(field, tooLong));
        else if (text.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
            errors.Add(new(field, "Case.InvalidCharacters"));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
