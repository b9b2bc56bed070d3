namespace TumourBoard.Domain.Trials;

/// <summary>What the coordinator writes about a trial: everything the catalogue form, the API and a CSV row carry.</summary>
public sealed record TrialContent
{
    /// <summary>EU CT number from CTIS, e.g. 2023-503456-21-00.</summary>
    public string? EuCtNumber { get; init; }

    /// <summary>ClinicalTrials.gov number, e.g. NCT05123456.</summary>
    public string? NctNumber { get; init; }

    public string Title { get; init; } = "";

    public TrialPhase? Phase { get; init; }

    public TrialStatus Status { get; init; } = TrialStatus.Open;

    public int MinAgeYears { get; init; }

    public int MinAgeMonths { get; init; }

    public int MaxAgeYears { get; init; }

    public int MaxAgeMonths { get; init; }

    /// <summary>ICCC-3 groups, subgroups or extended subgroups: VI, IVa, Ia.1.</summary>
    public IReadOnlyList<string> Iccc3Codes { get; init; } = [];

    /// <summary>ICD-O-3 morphology codes, e.g. 9500/3.</summary>
    public IReadOnlyList<string> MorphologyCodes { get; init; } = [];

    /// <summary>Molecular markers a patient must carry, any one of them (see <see cref="TrialMatching"/>).</summary>
    public IReadOnlyList<string> Markers { get; init; } = [];

    /// <summary>The Belgian centres that recruit, by id.</summary>
    public IReadOnlyList<int> SiteCentreIds { get; init; } = [];

    /// <summary>Who to ask at the sponsor or the lead Belgian site: a name, an e-mail address, a phone number.</summary>
    public string Contact { get; init; } = "";
}
