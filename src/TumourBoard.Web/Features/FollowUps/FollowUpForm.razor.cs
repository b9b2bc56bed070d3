using Microsoft.AspNetCore.Components;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Cases.Guard;
using TumourBoard.Domain.FollowUps;
using TumourBoard.Domain.People;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Localization;

namespace TumourBoard.Web.Features.FollowUps;

public sealed partial class FollowUpForm
{
    private ImplementationOutcome? _outcome;
    private NotImplementedReason? _reason;
    private string? _detail;
    private TreatmentResponse? _response;
    private DateTime? _assessedOn;
    private string? _correctionReason;
    private bool _busy;
    private string? _error;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private IReadOnlyDictionary<string, (string Text, IReadOnlyList<IdentifierFinding> Findings)> _findings = new Dictionary<string, (string, IReadOnlyList<IdentifierFinding>)>();

    [Inject]
    private FollowUpService FollowUps { get; set; } = default!;

    [Inject]
    private BrusselsClock Clock { get; set; } = default!;

    [Parameter, EditorRequired]
    public FollowUpView View { get; set; } = default!;

    [Parameter, EditorRequired]
    public Milestone Milestone { get; set; }

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    /// <summary>Called with the number of entries the report added (none when it repeated the values in force).</summary>
    [Parameter]
    public EventCallback<int> Saved { get; set; }

    [Parameter]
    public EventCallback Cancelled { get; set; }

    private MilestoneView Current => View.Of(Milestone);

    private bool IsCorrection => Current.Current is not null;

    private MilestoneDates Window => Current.Dates;

    // An enrolment can only be reported when the recommendation referred the patient to a trial.
    private IEnumerable<ImplementationOutcome> Outcomes =>
        Enum.GetValues<ImplementationOutcome>().Where(o => o != ImplementationOutcome.EnrolledInTrial || View.Discussion.TrialReferral is not null);

    protected override void OnInitialized()
    {
        // A correction starts from the values in force.
        if (Current.Current is { } current)
        {
            (_outcome, _reason, _detail) = (current.Outcome, current.Reason, current.Detail);
            (_response, _assessedOn) = (current.Response, current.AssessedOn?.ToDateTime(TimeOnly.MinValue));
        }
    }

    private async Task SaveAsync()
    {
        var report = new FollowUpReport { CorrectionReason = _correctionReason };
        if (Milestone == Milestone.Implementation)
        {
            if (_outcome is null)
            {
                Show([new FieldError("implementation.outcome", "Case.Required")]);
                return;
            }
            report = report with { Implementation = new ImplementationReport(_outcome.Value, _outcome == ImplementationOutcome.NotImplemented ? _reason : null, _detail) };
        }
        else
        {
            var missing = new List<FieldError>();
            if (_response is null)
                missing.Add(new("responses[0].response", "Case.Required"));
            if (_assessedOn is null)
                missing.Add(new("responses[0].assessedOn", "Case.Required"));
            if (missing.Count > 0)
            {
                Show(missing);
                return;
            }
            report = report with { Responses = [new ResponseReport(Milestone, _response!.Value, DateOnly.FromDateTime(_assessedOn!.Value))] };
        }
        await SendAsync(report);
    }

    private Task WithdrawAsync() => SendAsync(new FollowUpReport { Withdrawals = [Milestone], CorrectionReason = _correctionReason });

    private async Task SendAsync(FollowUpReport report)
    {
        _busy = true;
        _error = null;
        _errors = new Dictionary<string, string>();
        _findings = new Dictionary<string, (string, IReadOnlyList<IdentifierFinding>)>();
        try
        {
            var added = await FollowUps.ReportAsync(Actor, View.CaseId, report, View.Version);
            await Saved.InvokeAsync(added);
        }
        catch (CaseValidationException ex)
        {
            Show(ex.Errors);
        }
        catch (IdentifyingDataException ex)
        {
            var texts = new Dictionary<string, string?> { ["implementation.detail"] = report.Implementation?.Detail, ["correctionReason"] = report.CorrectionReason };
            _findings = ex.Findings.GroupBy(f => f.Field)
                .ToDictionary(g => g.Key, g => ((texts.GetValueOrDefault(g.Key) ?? "").Trim(), (IReadOnlyList<IdentifierFinding>)g.Select(f => f.Finding).ToList()));
        }
        catch (Exception ex) when (ex.IsUserFacing())
        {
            _error = L.Explain(ex);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Field errors by the form's own names: implementation.reason is "reason", responses[0].assessedOn is "assessedOn".</summary>
    private void Show(IReadOnlyList<FieldError> errors) =>
        _errors = errors.GroupBy(e => FormField(e.Field)).ToDictionary(g => g.Key, g => g.First().Code);

    private static string FormField(string path) =>
        path.StartsWith("withdrawals", StringComparison.Ordinal) ? "withdrawal" : path[(path.LastIndexOf('.') + 1)..];

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private string? FieldErrorText(string field, string findingsField) =>
        ErrorOf(field) is { } code ? L[code].Value : _findings.ContainsKey(findingsField) ? L["CaseForm.FieldHasIdentifiers"].Value : null;
}
