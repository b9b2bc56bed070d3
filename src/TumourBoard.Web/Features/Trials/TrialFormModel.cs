using TumourBoard.Domain.Diagnoses;
using TumourBoard.Domain.Trials;

namespace TumourBoard.Web.Features.Trials;

/// <summary>The trial form's bindable state; it becomes a <see cref="TrialContent"/> when saved.</summary>
public sealed class TrialFormModel
{
    public string? EuCtNumber { get; set; }
    public string? NctNumber { get; set; }
    public string Title { get; set; } = "";
    public TrialPhase? Phase { get; set; }
    public TrialStatus Status { get; set; } = TrialStatus.Open;
    public int MinAgeYears { get; set; }
    public int MinAgeMonths { get; set; }

    // Empty until filled: a default upper age of 0 would make a trial nobody fits.
    public int? MaxAgeYears { get; set; }
    public int MaxAgeMonths { get; set; }
    public IReadOnlyCollection<string> Iccc3Codes { get; set; } = [];

    /// <summary>Morphology codes as typed, separated by commas.</summary>
    public string? MorphologyCodes { get; set; }

    /// <summary>Marker tags as typed, separated by commas.</summary>
    public string? Markers { get; set; }
    public IReadOnlyCollection<int> SiteCentreIds { get; set; } = [];
    public string Contact { get; set; } = "";

    public TrialContent ToContent() => new()
    {
        EuCtNumber = EuCtNumber,
        NctNumber = NctNumber,
        Title = Title,
        Phase = Phase,
        Status = Status,
        MinAgeYears = MinAgeYears,
        MinAgeMonths = MinAgeMonths,
        MaxAgeYears = MaxAgeYears ?? 0,
        MaxAgeMonths = MaxAgeMonths,
        Iccc3Codes = Iccc3Codes.ToList(),
        MorphologyCodes = (MorphologyCodes ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Markers = MarkerTags.Split(Markers),
        SiteCentreIds = SiteCentreIds.ToList(),
        Contact = Contact,
    };

    public static TrialFormModel From(TrialContent c) => new()
    {
        EuCtNumber = c.EuCtNumber,
        NctNumber = c.NctNumber,
        Title = c.Title,
        Phase = c.Phase,
        Status = c.Status,
        MinAgeYears = c.MinAgeYears,
        MinAgeMonths = c.MinAgeMonths,
        MaxAgeYears = c.MaxAgeYears,
        MaxAgeMonths = c.MaxAgeMonths,
        Iccc3Codes = c.Iccc3Codes.ToList(),
        MorphologyCodes = string.Join(", ", c.MorphologyCodes),
        Markers = MarkerTags.Join(c.Markers),
        SiteCentreIds = c.SiteCentreIds.ToList(),
        Contact = c.Contact,
    };
}
