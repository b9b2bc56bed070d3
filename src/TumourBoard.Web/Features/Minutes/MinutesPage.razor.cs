using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using TumourBoard.Domain;
using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Cases.Guard;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.People;
using TumourBoard.Web.Features.Account;
using TumourBoard.Web.Features.Realtime;
using TumourBoard.Web.Infrastructure;
using TumourBoard.Web.Localization;

namespace TumourBoard.Web.Features.Minutes;

public sealed partial class MinutesPage
{
    private Actor _actor = default!;
    private MinutesView? _view;
    private IReadOnlyList<CentreAttendance> _attendance = [];
    private readonly Dictionary<int, NarrativeForm> _forms = [];
    private IDisposable? _subscription;
    private string? _loadError;
    private bool _notClosed;
    private string? _error;
    private bool _busy;

    [Inject]
    private MinutesService Minutes { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private BrusselsClock Clock { get; set; } = default!;

    [Inject]
    private BoardEvents Events { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Parameter]
    public int Id { get; set; }

    private string Heading => _view is { } v ? L["Minutes.Heading", v.Record.Title ?? Clock.Date(v.Record.StartsAtUtc)] : L["MinutesPage.Title"];

    private IReadOnlyList<CaseRecord> Recommended => _view?.Record.Cases.Where(c => c.Recommendation is not null).ToList() ?? [];

    private bool CanCorrect => _view?.Record.Status == MinutesStatus.Finalised && Access.CanFinaliseMinutes(_actor);

    protected override async Task OnParametersSetAsync()
    {
        _actor = await CurrentUser.GetActorAsync();
        _subscription?.Dispose();
        _forms.Clear();
        // Another editor's save, a finalisation or a correction reloads the record; forms being typed in are kept.
        var refresh = new CoalescedRefresh(InvokeAsync, async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }, DispatchExceptionAsync);
        _subscription = Events.Subscribe(Id, e => e.Type is BoardEventTypes.MeetingChanged or BoardEventTypes.AgendaChanged or BoardEventTypes.RecommendationRecorded
            ? refresh.RequestAsync()
            : Task.CompletedTask);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _view = await Minutes.GetAsync(_actor, Id);
            _attendance = CentreAttendance.From(_view.Record.Attendees);
            _loadError = null;
            _notClosed = false;
            MergeForms(_view);
        }
        catch (DomainException ex) when (ex.Code == "Minutes.MeetingNotClosed")
        {
            _notClosed = true;
        }
        catch (Exception ex) when (ex.IsUserFacing())
        {
            _loadError = L.Explain(ex);
        }
    }

    /// <summary>Brings the editors in line with the record just read, without touching text someone is writing.</summary>
    private void MergeForms(MinutesView view)
    {
        var cases = view.Record.Cases.ToDictionary(c => c.ItemId);
        foreach (var itemId in _forms.Keys.ToList())
        {
            var form = _forms[itemId];
            if (!cases.ContainsKey(itemId) || (!view.CanEdit && !form.IsDirty && !form.IsSaving))
                _forms.Remove(itemId);
        }
        foreach (var c in view.Record.Cases)
        {
            if (_forms.TryGetValue(c.ItemId, out var form))
                form.Refresh(c, view.Version);
            else if (view.CanEdit)
                _forms[c.ItemId] = NarrativeForm.From(c, view.Version);
        }
    }

    private async Task SaveAsync(NarrativeForm form)
    {
        form.ClearRefusal();
        form.IsSaving = true;
        _busy = true;
        var saved = false;
        try
        {
            await Minutes.EditCaseAsync(_actor, Id, form.ItemId, form.ToRequest());
            saved = true;
        }
        catch (CaseValidationException ex)
        {
            form.ShowErrors(ex.Errors);
            form.Error = L["CaseForm.FixErrors"];
        }
        catch (IdentifyingDataException ex)
        {
            form.ShowFindings(ex.Findings);
        }
        catch (Exception ex) when (ex.IsUserFacing())
        {
            form.Error = L.Explain(ex);
            form.Conflict = ex is DbUpdateConcurrencyException;
        }
        finally
        {
            form.IsSaving = false;
            _busy = false;
        }
        if (!saved)
            return;
        await LoadAsync();
        if (_view?.Record.Cases.SingleOrDefault(c => c.ItemId == form.ItemId) is { } latest)
        {
            form.Reset(latest, _view.Version);
            Snackbar.Add(L["MinutesPage.CaseSaved", latest.Code], Severity.Success);
        }
    }

    private async Task ReloadFormAsync(NarrativeForm form)
    {
        await LoadAsync();
        if (_view?.Record.Cases.SingleOrDefault(c => c.ItemId == form.ItemId) is { } latest)
        {
            form.Reset(latest, _view.Version);
            if (!_view.CanEdit)
                _forms.Remove(form.ItemId);
        }
    }

    private async Task FinaliseAsync()
    {
        if (_view is null)
            return;
        var unsaved = _view.Record.Cases.Where(c => _forms.TryGetValue(c.ItemId, out var f) && f.IsDirty).Select(c => c.Code).ToList();
        var dialog = await Dialogs.ShowAsync<FinaliseDialog>(null, new DialogParameters<FinaliseDialog>
        {
            { d => d.VersionNumber, _view.Record.VersionNumber },
            { d => d.UnsavedCases, unsaved },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled)
            return;
        _busy = true;
        try
        {
            var version = await Minutes.FinaliseAsync(_actor, Id);
            _error = null;
            Snackbar.Add(L["MinutesPage.Finalised", version.Number], Severity.Success);
        }
        catch (Exception ex) when (ex.IsUserFacing())
        {
            _error = L.Explain(ex);
        }
        finally
        {
            _busy = false;
        }
        await LoadAsync();
    }

    private async Task CorrectAsync()
    {
        if (_view is null)
            return;
        var dialog = await Dialogs.ShowAsync<CorrectionDialog>(null, new DialogParameters<CorrectionDialog>
        {
            { d => d.LatestVersion, _view.Record.VersionNumber },
            { d => d.Correct, reason => Minutes.StartCorrectionAsync(_actor, Id, reason) },
        }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled)
            return;
        _error = null;
        Snackbar.Add(L["MinutesPage.CorrectionStarted"], Severity.Success);
        await LoadAsync();
    }

    private string StatusText(MinutesRecord r) => r.Status switch
    {
        MinutesStatus.Finalised => L["MinutesPage.StatusFinalised", r.VersionNumber],
        MinutesStatus.Correcting => L["MinutesPage.StatusCorrecting", r.VersionNumber],
        _ => L["MinutesPage.StatusDraft"],
    };

    private static Color StatusColor(MinutesStatus status) => status switch
    {
        MinutesStatus.Finalised => Color.Success,
        MinutesStatus.Correcting => Color.Warning,
        _ => Color.Default,
    };

    public void Dispose() => _subscription?.Dispose();
}
