using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Diagnoses;

namespace TumourBoard.Domain.Trials;

/// <summary>
/// An early-phase trial in the board's catalogue, found by its EU CT number, its NCT number or both. It holds only
/// what the board needs to spot an eligible child: ages, diagnoses, markers, Belgian sites and whom to contact.
/// </summary>
public sealed class ClinicalTrial
{
    public const int MaxTitle = 300;
    public const int MaxContact = 300;
    public const int MaxDiagnoses = 40;
    public const int MaxSites = 20;

    private ClinicalTrial() { }

    public int Id { get; private set; }

    public string? EuCtNumber { get; private set; }

    public string? NctNumber { get; private set; }

    public string Title { get; private set; } = "";

    public TrialPhase Phase { get; private set; }

    public TrialStatus Status { get; private set; }

    public int MinAgeInMonths { get; private set; }

    public int MaxAgeInMonths { get; private set; }

    public string[] Iccc3Codes { get; private set; } = [];

    public string[] MorphologyCodes { get; private set; } = [];

    public string[] Markers { get; private set; } = [];

    public int[] SiteCentreIds { get; private set; } = [];

    public string Contact { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public AgeRange Ages => new(MinAgeInMonths, MaxAgeInMonths);

    /// <summary>The trial's registration numbers, EU CT first.</summary>
    public IEnumerable<string> Identifiers => new[] { EuCtNumber, NctNumber }.OfType<string>();

    public static ClinicalTrial Register(TrialContent content, DateTime nowUtc)
    {
        var trial = new ClinicalTrial { CreatedAtUtc = nowUtc };
        trial.Apply(content, nowUtc);
        return trial;
    }

    /// <summary>Replaces what the catalogue says of the trial; false when nothing changed.</summary>
    public bool Revise(TrialContent content, DateTime nowUtc)
    {
        var before = Snapshot();
        var updatedBefore = UpdatedAtUtc;
        Apply(content, nowUtc);
        if (!SameContent(before, Snapshot()))
            return true;
        UpdatedAtUtc = updatedBefore;
        return false;
    }

    /// <summary>Opens, suspends or closes recruitment; false when the trial already had that status.</summary>
    public bool ChangeStatus(TrialStatus status, DateTime nowUtc)
    {
        if (!Enum.IsDefined(status))
            throw new TrialValidationException([new FieldError("status", "Case.ChoiceInvalid")]);
        if (status == Status)
            return false;
        Status = status;
        UpdatedAtUtc = nowUtc;
        return true;
    }

    /// <summary>Whether <paramref name="identifier"/> (any accepted spelling) is one of this trial's numbers.</summary>
    public bool IsIdentifiedBy(string? identifier) =>
        TrialIdentifier.TryParse(identifier, out var parsed) && Identifiers.Contains(parsed.Value);

    public TrialContent Snapshot() => new()
    {
        EuCtNumber = EuCtNumber,
        NctNumber = NctNumber,
        Title = Title,
        Phase = Phase,
        Status = Status,
        MinAgeYears = Ages.MinYearsPart,
        MinAgeMonths = Ages.MinMonthsPart,
        MaxAgeYears = Ages.MaxYearsPart,
        MaxAgeMonths = Ages.MaxMonthsPart,
        Iccc3Codes = Iccc3Codes,
        MorphologyCodes = MorphologyCodes,
        Markers = Markers,
        SiteCentreIds = SiteCentreIds,
        Contact = Contact,
    };

    /// <summary>Field by field, lists by their items (records compare lists by reference).</summary>
    public static bool SameContent(TrialContent a, TrialContent b) =>
        a.EuCtNumber == b.EuCtNumber && a.NctNumber == b.NctNumber && a.Title == b.Title && a.Phase == b.Phase && a.Status == b.Status
        && a.MinAgeYears == b.MinAgeYears && a.MinAgeMonths == b.MinAgeMonths && a.MaxAgeYears == b.MaxAgeYears && a.MaxAgeMonths == b.MaxAgeMonths
        && a.Iccc3Codes.SequenceEqual(b.Iccc3Codes) && a.MorphologyCodes.SequenceEqual(b.MorphologyCodes) && a.Markers.SequenceEqual(b.Markers)
        && a.SiteCentreIds.SequenceEqual(b.SiteCentreIds) && a.Contact == b.Contact;

    private void Apply(TrialContent content, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        var valid = Validate(content);
        EuCtNumber = valid.EuCtNumber;
        NctNumber = valid.NctNumber;
        Title = valid.Title;
        Phase = valid.Phase!.Value;
        Status = valid.Status;
        MinAgeInMonths = valid.MinAgeYears * 12 + valid.MinAgeMonths;
        MaxAgeInMonths = valid.MaxAgeYears * 12 + valid.MaxAgeMonths;
        Iccc3Codes = [.. valid.Iccc3Codes];
        MorphologyCodes = [.. valid.MorphologyCodes];
        Markers = [.. valid.Markers];
        SiteCentreIds = [.. valid.SiteCentreIds];
        Contact = valid.Contact;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>
    /// Checks every field and returns the content in its stored form (numbers normalised, codes and tags cleaned and
    /// each once); throws <see cref="TrialValidationException"/> listing every problem at once.
    /// </summary>
    public static TrialContent Validate(TrialContent content)
    {
        var errors = Problems(content, out var normalised);
        if (errors.Count > 0)
            throw new TrialValidationException(errors);
        return normalised;
    }

    /// <summary>Every problem of <paramref name="c"/>, as field errors; empty when it can be stored.</summary>
    public static IReadOnlyList<FieldError> Problems(TrialContent c, out TrialContent normalised)
    {
        var errors = new List<FieldError>();
        var euCt = Identifier(errors, "euCtNumber", c.EuCtNumber, TrialIdentifierKind.EuCt, "Trial.EuCtInvalid");
        var nct = Identifier(errors, "nctNumber", c.NctNumber, TrialIdentifierKind.Nct, "Trial.NctInvalid");
        if (string.IsNullOrWhiteSpace(c.EuCtNumber) && string.IsNullOrWhiteSpace(c.NctNumber))
            errors.Add(new("euCtNumber", "Trial.IdentifierRequired"));

        var title = Text(errors, "title", c.Title, MaxTitle);
        var contact = Text(errors, "contact", c.Contact, MaxContact, allowLineBreaks: true);
        if (c.Phase is not { } phase || !Enum.IsDefined(phase))
            errors.Add(new("phase", c.Phase is null ? "Case.Required" : "Case.ChoiceInvalid"));
        if (!Enum.IsDefined(c.Status))
            errors.Add(new("status", "Case.ChoiceInvalid"));

        var agesValid = true;
        foreach (var (field, value, max) in new[] { ("minAgeYears", c.MinAgeYears, AgeRange.MaxYears), ("minAgeMonths", c.MinAgeMonths, 11), ("maxAgeYears", c.MaxAgeYears, AgeRange.MaxYears), ("maxAgeMonths", c.MaxAgeMonths, 11) })
        {
            if (value < 0 || value > max)
            {
                errors.Add(new(field, "Trial.AgeInvalid"));
                agesValid = false;
            }
        }
        if (agesValid && c.MinAgeYears * 12 + c.MinAgeMonths > c.MaxAgeYears * 12 + c.MaxAgeMonths)
            errors.Add(new("maxAgeYears", "Trial.AgeRangeUpsideDown"));

        var iccc3 = new List<string>();
        foreach (var code in c.Iccc3Codes ?? [])
        {
            if (Iccc3.Category(code) is { } category)
            {
                if (!iccc3.Contains(category.Code))
                    iccc3.Add(category.Code);
            }
            else
                errors.Add(new("iccc3Codes", "Trial.Iccc3Invalid"));
        }
        var morphologies = new List<string>();
        foreach (var code in c.MorphologyCodes ?? [])
        {
            if (IcdO3Morphology.TryParse(code, out var morphology))
            {
                if (!morphologies.Contains(morphology.Code))
                    morphologies.Add(morphology.Code);
            }
            else
                errors.Add(new("morphologyCodes", IcdO3Morphology.InvalidCode));
        }
        if ((c.Iccc3Codes ?? []).Count == 0 && (c.MorphologyCodes ?? []).Count == 0)
            errors.Add(new("iccc3Codes", "Trial.DiagnosisRequired"));
        if (iccc3.Count + morphologies.Count > MaxDiagnoses)
            errors.Add(new("iccc3Codes", "Trial.TooManyDiagnoses"));

        var markers = c.Markers ?? [];
        if (MarkerTags.Problem(markers) is { } markerProblem)
            errors.Add(new("markers", markerProblem));

        // Sites are a set: kept in one order, so that the same sites written in another order are no change.
        var sites = (c.SiteCentreIds ?? []).Distinct().Order().ToList();
        if (sites.Count == 0)
            errors.Add(new("sites", "Trial.SiteRequired"));
        else if (sites.Count > MaxSites)
            errors.Add(new("sites", "Trial.SiteInvalid"));

        // Keep each field's first problem only: one message per field reads better than a list.
        errors = errors.GroupBy(e => e.Field).Select(g => g.First()).ToList();
        normalised = c with
        {
            EuCtNumber = euCt,
            NctNumber = nct,
            Title = title,
            Contact = contact,
            Iccc3Codes = iccc3,
            MorphologyCodes = morphologies,
            Markers = errors.Any(e => e.Field == "markers") ? markers : MarkerTags.Distinct(markers),
            SiteCentreIds = sites,
        };
        return errors;
    }

    private static string? Identifier(List<FieldError> errors, string field, string? text, TrialIdentifierKind kind, string code)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (TrialIdentifier.TryParse(text, out var identifier) && identifier.Kind == kind)
            return identifier.Value;
        errors.Add(new(field, code));
        return null;
    }

    private static string Text(List<FieldError> errors, string field, string? text, int max, bool allowLineBreaks = false)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
            errors.Add(new(field, "Case.Required"));
        else if (trimmed.Length > max)
            errors.Add(new(field, "Case.TooLong"));
        else if (trimmed.Any(ch => char.IsControl(ch) && !(allowLineBreaks && ch is '\n' or '\r')))
            errors.Add(new(field, "Case.InvalidCharacters"));
        return trimmed;
    }
}

/// <summary>The trial is incomplete or malformed; nothing was stored.</summary>
public sealed class TrialValidationException(IReadOnlyList<FieldError> errors)
    : DomainException("Trial.Invalid", "The trial has invalid fields: " + string.Join(", ", errors.Select(e => $"{e.Field} ({e.Code})")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
