namespace TumourBoard.Domain.Cases;

/// <summary>A treatment option proposed to the board. Its identity survives edits, so votes keep pointing at it.</summary>
public sealed class TreatmentOption
{
    private TreatmentOption() { }

    internal TreatmentOption(int position, OptionContent content)
    {
        Position = position;
        Apply(content);
    }

    public int Id { get; private set; }

    public int Position { get; private set; }

    public string Label { get; private set; } = "";

    public string? Detail { get; private set; }

    /// <summary>Normalised EU CT, EudraCT or NCT number.</summary>
    public string? Trial { get; private set; }

    /// <summary>Added during the meeting's discussion rather than by the submitting centre.</summary>
    public bool AddedInDiscussion { get; private set; }

    internal void Apply(OptionContent content)
    {
        Label = content.Label.Trim();
        Detail = string.IsNullOrWhiteSpace(content.Detail) ? null : content.Detail.Trim();
        Trial = string.IsNullOrWhiteSpace(content.Trial) ? null : Diagnoses.TrialIdentifier.Parse(content.Trial).Value;
    }

    internal void MoveTo(int position) => Position = position;

    internal static TreatmentOption FromDiscussion(int position, OptionContent content) =>
        new(position, content) { AddedInDiscussion = true };
}
