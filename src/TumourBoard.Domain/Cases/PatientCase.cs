using System.Text.Json;
using TumourBoard.Domain.Cases.Guard;
using TumourBoard.Domain.Diagnoses;

namespace TumourBoard.Domain.Cases;

/// <summary>
/// A child's case as the board sees it: pseudonymous (a platform-issued code, age instead of birth date), scanned for
/// identifying data at every save, whatever the entry point.
/// </summary>
public sealed class PatientCase
{
    private readonly List<TreatmentOption> _options = [];
    private readonly List<CaseEvent> _events = [];

    private PatientCase() { }

    public int Id { get; private set; }

    /// <summary>Pseudonymous code issued by the platform, e.g. BSPHO-2026-0042.</summary>
    public string Code { get; private set; } = "";

    public int CentreId { get; private set; }

    public Guid CreatedById { get; private set; }

    public Guid? PresenterId { get; private set; }

    public CaseStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public int AgeYears { get; private set; }

    public int AgeMonths { get; private set; }

    public Sex Sex { get; private set; }

    public string DiagnosisLabel { get; private set; } = "";

    public string? Morphology { get; private set; }

    public string? Topography { get; private set; }

    /// <summary>ICCC-3 group numeral (I-XII), derived from morphology and topography.</summary>
    public string? Iccc3Group { get; private set; }

    /// <summary>ICCC-3 extended subgroup, e.g. IIIb or Ia.1.</summary>
    public string? Iccc3Subgroup { get; private set; }

    public int? DiagnosisMonth { get; private set; }

    public int? DiagnosisYear { get; private set; }

    public DiseaseStatus DiseaseStatus { get; private set; }

    public string? Stage { get; private set; }

    public string? History { get; private set; }

    public string? PathologyAndMolecular { get; private set; }

    /// <summary>Molecular marker tags, cleaned and each once (see <see cref="Diagnoses.MarkerTags"/>).</summary>
    public string[] MarkerTags { get; private set; } = [];

    public string? Imaging { get; private set; }

    public string? Comorbidities { get; private set; }

    public string Question { get; private set; } = "";

    public Urgency Urgency { get; private set; }

    public bool ConsentConfirmed { get; private set; }

    /// <summary>The centre's own link to the patient file, encrypted by the application before it reaches the entity.</summary>
    public string? ProtectedLocalReference { get; private set; }

    public IReadOnlyList<TreatmentOption> Options => _options.OrderBy(o => o.Position).ToList();

    public IReadOnlyList<CaseEvent> Events => _events;

    public static PatientCase Draft(string code, int centreId, Guid createdBy, CaseContent content, DateTime nowUtc)
    {
        var @case = new PatientCase
        {
            Code = code,
            CentreId = centreId,
            CreatedById = createdBy,
            Status = CaseStatus.Draft,
            CreatedAtUtc = nowUtc,
        };
        @case.Apply(content, nowUtc);
        @case._events.Add(new CaseEvent(CaseEventKind.Created, createdBy, nowUtc, null, null, null));
        return @case;
    }

    public bool IsEditable => Status is CaseStatus.Draft or CaseStatus.Submitted or CaseStatus.Scheduled or CaseStatus.Deferred;

    /// <summary>Replaces the content. After submission the previous content is kept in the history.</summary>
    public void Edit(CaseContent content, Guid by, DateTime nowUtc)
    {
        if (!IsEditable)
            throw new DomainException("Case.NotEditable", "This case can no longer be edited.");
        var before = Snapshot();
        var beforeJson = JsonSerializer.Serialize(before);
        Apply(content, nowUtc);
        var changed = ChangedFields(before, Snapshot());
        if (changed.Count == 0)
            return;
        _events.Add(new CaseEvent(CaseEventKind.Edited, by, nowUtc, string.Join(",", changed),
            Status == CaseStatus.Draft ? null : beforeJson, null));
    }

    public void Submit(Guid by, DateTime nowUtc)
    {
        if (Status != CaseStatus.Draft)
            throw new DomainException("Case.NotDraft", "Only a draft can be submitted.");
        var errors = new List<FieldError>();
        if (!ConsentConfirmed)
            errors.Add(new FieldError("consentConfirmed", "Case.ConsentRequired"));
        if (PresenterId is null)
            errors.Add(new FieldError("presenterId", "Case.PresenterRequired"));
        if (errors.Count > 0)
            throw new CaseValidationException(errors);
        Status = CaseStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        _events.Add(new CaseEvent(CaseEventKind.Submitted, by, nowUtc, null, null, null));
    }

    public void Withdraw(Guid by, string? reason, DateTime nowUtc)
    {
        if (Status is not (CaseStatus.Draft or CaseStatus.Submitted or CaseStatus.Deferred))
            throw new DomainException("Case.CannotWithdraw", "A case on an agenda, discussed or withdrawn cannot be withdrawn.");
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason?.Length > CaseRules.MaxShortText)
            throw new CaseValidationException([new FieldError("reason", "Case.TooLong")]);
        if (reason is not null)
            IdentifierGuard.EnsureNoIdentifyingData([("reason", reason)]);
        Status = CaseStatus.Withdrawn;
        UpdatedAtUtc = nowUtc;
        _events.Add(new CaseEvent(CaseEventKind.Withdrawn, by, nowUtc, null, null, reason));
    }

    /// <summary>Put on a meeting's agenda.</summary>
    public void Schedule(Guid? by, DateTime nowUtc, string? note = null)
    {
        if (Status is not (CaseStatus.Submitted or CaseStatus.Deferred))
            throw new DomainException("Agenda.CaseNotSubmitted", Status == CaseStatus.Scheduled
                ? "This case is already on another meeting's agenda."
                : "Only a submitted case can be put on an agenda.");
        Status = CaseStatus.Scheduled;
        UpdatedAtUtc = nowUtc;
        _events.Add(new CaseEvent(CaseEventKind.Scheduled, by, nowUtc, null, null, note));
    }

    /// <summary>Taken off an agenda (removed, or its meeting cancelled): back to waiting for a meeting.</summary>
    public void Unschedule(Guid? by, DateTime nowUtc, string? note = null)
    {
        if (Status != CaseStatus.Scheduled)
            return;
        Status = CaseStatus.Submitted;
        UpdatedAtUtc = nowUtc;
        _events.Add(new CaseEvent(CaseEventKind.Unscheduled, by, nowUtc, null, null, note));
    }

    /// <summary>Not discussed at its meeting; it carries over to the next one.</summary>
    public void Defer(Guid? by, DateTime nowUtc, string reason)
    {
        if (Status != CaseStatus.Scheduled)
            throw new DomainException("Case.NotScheduled", "Only a case on an agenda can be deferred.");
        Status = CaseStatus.Deferred;
        UpdatedAtUtc = nowUtc;
        _events.Add(new CaseEvent(CaseEventKind.Deferred, by, nowUtc, null, null, reason.Length > CaseRules.MaxShortText ? reason[..CaseRules.MaxShortText] : reason));
    }

    /// <summary>An option raised during the board's discussion, before voting opens; it is scanned like every text.</summary>
    public TreatmentOption AddOptionInDiscussion(OptionContent option, DateTime nowUtc)
    {
        if (Status != CaseStatus.Scheduled)
            throw new DomainException("Case.NotScheduled", "Options are added during the meeting that discusses the case.");
        if (_options.Count >= CaseRules.MaxOptions)
            throw new CaseValidationException([new FieldError("options", "Case.OptionsCount")]);
        IdentifierGuard.EnsureNoIdentifyingData([("label", option.Label), ("detail", option.Detail)]);
        var errors = new List<FieldError>();
        Required(errors, "label", option.Label, CaseRules.MaxShortText);
        Optional(errors, "detail", option.Detail, CaseRules.MaxOptionDetail);
        if (!string.IsNullOrWhiteSpace(option.Trial) && !TrialIdentifier.TryParse(option.Trial, out _))
            errors.Add(new("trial", "Trial.IdentifierInvalid"));
        if (errors.Count > 0)
            throw new CaseValidationException(errors);
        var added = TreatmentOption.FromDiscussion(_options.Count + 1, option);
        _options.Add(added);
        UpdatedAtUtc = nowUtc;
        return added;
    }

    /// <summary>The board has recorded its recommendation.</summary>
    public void MarkDiscussed(Guid by, DateTime nowUtc)
    {
        if (Status != CaseStatus.Scheduled)
            throw new DomainException("Case.NotScheduled", "Only a case on an agenda can be discussed.");
        Status = CaseStatus.Discussed;
        UpdatedAtUtc = nowUtc;
        _events.Add(new CaseEvent(CaseEventKind.Discussed, by, nowUtc, null, null, null));
    }

    /// <summary>Stores the centre's encrypted local reference (null clears it). Encryption happens outside the domain.</summary>
    public void SetProtectedLocalReference(string? protectedValue) => ProtectedLocalReference = protectedValue;

    private void Apply(CaseContent content, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        IdentifierGuard.EnsureNoIdentifyingData(TextFields(content));
        var errors = Validate(content, nowUtc, out var morphology, out var topography);
        if (errors.Count > 0)
            throw new CaseValidationException(errors);

        AgeYears = content.AgeYears;
        AgeMonths = content.AgeMonths;
        Sex = content.Sex;
        DiagnosisLabel = content.DiagnosisLabel.Trim();
        Morphology = morphology?.Code;
        Topography = topography?.Display;
        var classification = morphology is not null && topography is not null ? Iccc3.Classify(morphology, topography) : null;
        Iccc3Group = classification is { IsClassified: true } ? classification.Group : null;
        Iccc3Subgroup = classification is { IsClassified: true } ? classification.ExtendedSubgroup : null;
        DiagnosisMonth = content.DiagnosisMonth;
        DiagnosisYear = content.DiagnosisYear;
        DiseaseStatus = content.DiseaseStatus;
        Stage = Clean(content.Stage);
        History = Clean(content.History);
        PathologyAndMolecular = Clean(content.PathologyAndMolecular);
        MarkerTags = [.. Diagnoses.MarkerTags.Distinct(content.MarkerTags ?? [])];
        Imaging = Clean(content.Imaging);
        Comorbidities = Clean(content.Comorbidities);
        Question = content.Question.Trim();
        Urgency = content.Urgency;
        ConsentConfirmed = content.ConsentConfirmed;
        PresenterId = content.PresenterId;
        ApplyOptions(content.Options);
        UpdatedAtUtc = nowUtc;
    }

    // Options keep their identity by position: option 2 edited stays option 2, so nothing that refers to it is orphaned.
    private void ApplyOptions(IReadOnlyList<OptionContent> options)
    {
        var current = Options;
        for (var i = 0; i < options.Count; i++)
        {
            if (i < current.Count)
                current[i].Apply(options[i]);
            else
                _options.Add(new TreatmentOption(i + 1, options[i]));
        }
        foreach (var extra in current.Skip(options.Count))
            _options.Remove(extra);
    }

    public static IEnumerable<(string Field, string? Text)> TextFields(CaseContent content)
    {
        yield return ("diagnosisLabel", content.DiagnosisLabel);
        yield return ("stage", content.Stage);
        yield return ("history", content.History);
        yield return ("pathologyAndMolecular", content.PathologyAndMolecular);
        for (var i = 0; i < (content.MarkerTags?.Count ?? 0); i++)
            yield return ($"markerTags[{i}]", content.MarkerTags![i]);
        yield return ("imaging", content.Imaging);
        yield return ("comorbidities", content.Comorbidities);
        yield return ("question", content.Question);
        for (var i = 0; i < (content.Options?.Count ?? 0); i++)
        {
            yield return ($"options[{i}].label", content.Options![i]?.Label);
            yield return ($"options[{i}].detail", content.Options![i]?.Detail);
        }
    }

    private static List<FieldError> Validate(CaseContent c, DateTime nowUtc, out IcdO3Morphology? morphology, out IcdO3Topography? topography)
    {
        var errors = new List<FieldError>();
        morphology = null;
        topography = null;
        if (c.AgeYears is < 0 or > CaseRules.MaxAgeYears)
            errors.Add(new("ageYears", "Case.AgeInvalid"));
        if (c.AgeMonths is < 0 or > 11)
            errors.Add(new("ageMonths", "Case.AgeMonthsInvalid"));
        if (!Enum.IsDefined(c.Sex))
            errors.Add(new("sex", "Case.ChoiceInvalid"));
        if (!Enum.IsDefined(c.DiseaseStatus))
            errors.Add(new("diseaseStatus", "Case.ChoiceInvalid"));
        if (!Enum.IsDefined(c.Urgency))
            errors.Add(new("urgency", "Case.ChoiceInvalid"));
        Required(errors, "diagnosisLabel", c.DiagnosisLabel, CaseRules.MaxShortText);
        Required(errors, "question", c.Question, CaseRules.MaxQuestion);
        Optional(errors, "stage", c.Stage, CaseRules.MaxShortText);
        Optional(errors, "history", c.History, CaseRules.MaxLongText);
        Optional(errors, "pathologyAndMolecular", c.PathologyAndMolecular, CaseRules.MaxLongText);
        Optional(errors, "imaging", c.Imaging, CaseRules.MaxLongText);
        if (Diagnoses.MarkerTags.Problem(c.MarkerTags) is { } markerProblem)
            errors.Add(new("markerTags", markerProblem));
        Optional(errors, "comorbidities", c.Comorbidities, CaseRules.MaxLongText);
        if (!string.IsNullOrWhiteSpace(c.Morphology) && !IcdO3Morphology.TryParse(c.Morphology, out morphology))
            errors.Add(new("morphology", "Diagnosis.MorphologyInvalid"));
        if (!string.IsNullOrWhiteSpace(c.Topography) && !IcdO3Topography.TryParse(c.Topography, out topography))
            errors.Add(new("topography", "Diagnosis.TopographyInvalid"));
        ValidateDiagnosisDate(errors, c.DiagnosisMonth, c.DiagnosisYear, Meetings.BoardTime.ToLocal(nowUtc));
        // NUL and other control characters (tabs and line breaks aside) have no place in clinical text and cannot be stored.
        foreach (var (field, text) in TextFields(c).Append(("morphology", c.Morphology)).Append(("topography", c.Topography)))
        {
            if (text is not null && text.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
                errors.Add(new(field, "Case.InvalidCharacters"));
        }

        var options = c.Options ?? [];
        if (options.Count is < CaseRules.MinOptions or > CaseRules.MaxOptions)
            errors.Add(new("options", "Case.OptionsCount"));
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (option is null)
            {
                errors.Add(new($"options[{i}].label", "Case.Required"));
                continue;
            }
            Required(errors, $"options[{i}].label", option.Label, CaseRules.MaxShortText);
            Optional(errors, $"options[{i}].detail", option.Detail, CaseRules.MaxOptionDetail);
            if (!string.IsNullOrWhiteSpace(option.Trial) && !TrialIdentifier.TryParse(option.Trial, out _))
                errors.Add(new($"options[{i}].trial", "Trial.IdentifierInvalid"));
        }
        return errors;
    }

    private static void ValidateDiagnosisDate(List<FieldError> errors, int? month, int? year, DateTime nowLocal)
    {
        if (month is null && year is null)
            return;
        if (year is null || year < CaseRules.EarliestDiagnosisYear || (month is not null && month is < 1 or > 12))
        {
            errors.Add(new("diagnosisDate", "Case.DiagnosisDateInvalid"));
            return;
        }
        if (year > nowLocal.Year || (year == nowLocal.Year && month > nowLocal.Month))
            errors.Add(new("diagnosisDate", "Case.DiagnosisDateFuture"));
    }

    private static void Required(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(new(field, "Case.Required"));
        else if (value.Trim().Length > max)
            errors.Add(new(field, "Case.TooLong"));
    }

    private static void Optional(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
            errors.Add(new(field, "Case.TooLong"));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The content as it stands, in the same shape a centre submits it.</summary>
    public CaseContent Snapshot() => new()
    {
        AgeYears = AgeYears,
        AgeMonths = AgeMonths,
        Sex = Sex,
        DiagnosisLabel = DiagnosisLabel,
        Morphology = Morphology,
        Topography = Topography,
        DiagnosisMonth = DiagnosisMonth,
        DiagnosisYear = DiagnosisYear,
        DiseaseStatus = DiseaseStatus,
        Stage = Stage,
        History = History,
        PathologyAndMolecular = PathologyAndMolecular,
        MarkerTags = MarkerTags,
        Imaging = Imaging,
        Comorbidities = Comorbidities,
        Question = Question,
        Options = Options.Select(o => new OptionContent(o.Label, o.Detail, o.Trial)).ToList(),
        Urgency = Urgency,
        ConsentConfirmed = ConsentConfirmed,
        PresenterId = PresenterId,
    };

    private static List<string> ChangedFields(CaseContent before, CaseContent after)
    {
        var changed = new List<string>();
        void Check<T>(string name, T a, T b)
        {
            if (!EqualityComparer<T>.Default.Equals(a, b))
                changed.Add(name);
        }
        Check("ageYears", before.AgeYears, after.AgeYears);
        Check("ageMonths", before.AgeMonths, after.AgeMonths);
        Check("sex", before.Sex, after.Sex);
        Check("diagnosisLabel", before.DiagnosisLabel, after.DiagnosisLabel);
        Check("morphology", before.Morphology, after.Morphology);
        Check("topography", before.Topography, after.Topography);
        Check("diagnosisDate", (before.DiagnosisMonth, before.DiagnosisYear), (after.DiagnosisMonth, after.DiagnosisYear));
        Check("diseaseStatus", before.DiseaseStatus, after.DiseaseStatus);
        Check("stage", before.Stage, after.Stage);
        Check("history", before.History, after.History);
        Check("pathologyAndMolecular", before.PathologyAndMolecular, after.PathologyAndMolecular);
        if (!before.MarkerTags.SequenceEqual(after.MarkerTags))
            changed.Add("markerTags");
        Check("imaging", before.Imaging, after.Imaging);
        Check("comorbidities", before.Comorbidities, after.Comorbidities);
        Check("question", before.Question, after.Question);
        if (!before.Options.SequenceEqual(after.Options))
            changed.Add("options");
        Check("urgency", before.Urgency, after.Urgency);
        Check("consentConfirmed", before.ConsentConfirmed, after.ConsentConfirmed);
        Check("presenterId", before.PresenterId, after.PresenterId);
        return changed;
    }
}
