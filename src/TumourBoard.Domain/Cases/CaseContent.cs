namespace TumourBoard.Domain.Cases;

/// <summary>What a centre writes about a case: everything it can edit, in one value.</summary>
public sealed record CaseContent
{
    public int AgeYears { get; init; }

    public int AgeMonths { get; init; }

    public Sex Sex { get; init; }

    public string DiagnosisLabel { get; init; } = "";

    /// <summary>ICD-O-3 morphology, e.g. 9500/3.</summary>
    public string? Morphology { get; init; }

    /// <summary>ICD-O-3 topography, e.g. C74.9.</summary>
    public string? Topography { get; init; }

    public int? DiagnosisMonth { get; init; }

    public int? DiagnosisYear { get; init; }

    public DiseaseStatus DiseaseStatus { get; init; }

    public string? Stage { get; init; }

    public string? History { get; init; }

    public string? PathologyAndMolecular { get; init; }

    /// <summary>Molecular markers as short tags (ALK, MYCN amplification), matched against the trials' required markers.</summary>
    public IReadOnlyList<string> MarkerTags { get; init; } = [];

    public string? Imaging { get; init; }

    public string? Comorbidities { get; init; }

    public string Question { get; init; } = "";

    public IReadOnlyList<OptionContent> Options { get; init; } = [];

    public Urgency Urgency { get; init; }

    public bool ConsentConfirmed { get; init; }

    public Guid? PresenterId { get; init; }
}

/// <summary>A proposed treatment option; <see cref="Trial"/> names a clinical trial by its EU CT or NCT number.</summary>
public sealed record OptionContent(string Label, string? Detail = null, string? Trial = null);
