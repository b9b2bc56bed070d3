using TumourBoard.Domain.Cases;

namespace TumourBoard.Web.Features.Cases;

/// <summary>The case form's bindable state; it becomes a <see cref="CaseContent"/> when saved.</summary>
public sealed class CaseFormModel
{
    // Empty until the user fills them: a default of 0 years or a preselected sex would be saved unnoticed.
    public int? AgeYears { get; set; }
    public int AgeMonths { get; set; }
    public Sex? Sex { get; set; }
    public string DiagnosisLabel { get; set; } = "";
    public string? Morphology { get; set; }
    public string? Topography { get; set; }
    public int? DiagnosisMonth { get; set; }
    public int? DiagnosisYear { get; set; }
    public DiseaseStatus DiseaseStatus { get; set; }
    public string? Stage { get; set; }
    public string? History { get; set; }
    public string? PathologyAndMolecular { get; set; }

    /// <summary>Marker tags as typed: separated by commas or semicolons.</summary>
    public string? MarkerTags { get; set; }
    public string? Imaging { get; set; }
    public string? Comorbidities { get; set; }
    public string Question { get; set; } = "";
    public List<OptionFormModel> Options { get; set; } = [new()];
    public Urgency Urgency { get; set; }
    public bool ConsentConfirmed { get; set; }
    public Guid? PresenterId { get; set; }
    public string? LocalReference { get; set; }

    public CaseContent ToContent()
    {
        var missing = new List<FieldError>();
        if (AgeYears is null)
            missing.Add(new FieldError("ageYears", "Case.Required"));
        if (Sex is null)
            missing.Add(new FieldError("sex", "Case.Required"));
        if (missing.Count > 0)
            throw new CaseValidationException(missing);
        return Content();
    }

    private CaseContent Content() => new()
    {
        AgeYears = AgeYears!.Value,
        AgeMonths = AgeMonths,
        Sex = Sex!.Value,
        DiagnosisLabel = DiagnosisLabel,
        Morphology = Morphology,
        Topography = Topography,
        DiagnosisMonth = DiagnosisMonth,
        DiagnosisYear = DiagnosisYear,
        DiseaseStatus = DiseaseStatus,
        Stage = Stage,
        History = History,
        PathologyAndMolecular = PathologyAndMolecular,
        MarkerTags = Domain.Diagnoses.MarkerTags.Split(MarkerTags),
        Imaging = Imaging,
        Comorbidities = Comorbidities,
        Question = Question,
        Options = Options.Select(o => new OptionContent(o.Label, o.Detail, o.Trial)).ToList(),
        Urgency = Urgency,
        ConsentConfirmed = ConsentConfirmed,
        PresenterId = PresenterId,
    };

    public static CaseFormModel From(CaseDetails details)
    {
        var c = details.Content;
        return new CaseFormModel
        {
            AgeYears = c.AgeYears,
            AgeMonths = c.AgeMonths,
            Sex = c.Sex,
            DiagnosisLabel = c.DiagnosisLabel,
            Morphology = c.Morphology,
            Topography = c.Topography,
            DiagnosisMonth = c.DiagnosisMonth,
            DiagnosisYear = c.DiagnosisYear,
            DiseaseStatus = c.DiseaseStatus,
            Stage = c.Stage,
            History = c.History,
            PathologyAndMolecular = c.PathologyAndMolecular,
            MarkerTags = Domain.Diagnoses.MarkerTags.Join(c.MarkerTags),
            Imaging = c.Imaging,
            Comorbidities = c.Comorbidities,
            Question = c.Question,
            Options = c.Options.Select(o => new OptionFormModel { Label = o.Label, Detail = o.Detail, Trial = o.Trial }).ToList(),
            Urgency = c.Urgency,
            ConsentConfirmed = c.ConsentConfirmed,
            PresenterId = c.PresenterId,
            LocalReference = details.LocalReference,
        };
    }
}

public sealed class OptionFormModel
{
    public string Label { get; set; } = "";
    public string? Detail { get; set; }
    public string? Trial { get; set; }
}
