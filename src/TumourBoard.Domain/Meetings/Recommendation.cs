using TumourBoard.Domain.LiveBoard;

namespace TumourBoard.Domain.Meetings;

/// <summary>What the board recommends for a case, as recorded by the chair or the secretary after the vote.</summary>
public sealed record Recommendation
{
    public const int MaxText = 4_000;
    public const int MaxShort = 1_000;

    private Recommendation() { }

    public int? OptionId { get; private init; }

    public string? Text { get; private init; }

    public string Rationale { get; private init; } = "";

    public Consensus Consensus { get; private init; }

    public string? Dissent { get; private init; }

    /// <summary>The trial the case is referred to, when the chosen option names one.</summary>
    public string? TrialReferral { get; private init; }

    /// <summary>The catalogue trial that <see cref="TrialReferral"/> names, when the catalogue has it; the number stays either way.</summary>
    public int? TrialId { get; private init; }

    /// <summary>Whether the room met its quorum when the recommendation was recorded; the minutes say so.</summary>
    public bool QuorumMet { get; private init; }

    public Guid RecordedById { get; private init; }

    public DateTime RecordedAtUtc { get; private init; }

    public static Recommendation Create(int? optionId, string? text, string rationale, Consensus consensus, string? dissent, string? trialReferral,
        bool quorumMet, Guid recordedBy, DateTime nowUtc, int? trialId = null)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        rationale = (rationale ?? "").Trim();
        dissent = string.IsNullOrWhiteSpace(dissent) ? null : dissent.Trim();
        var errors = new List<Cases.FieldError>();
        if (optionId is null && text is null)
            errors.Add(new("optionId", "Recommendation.OptionOrTextRequired"));
        if (text?.Length > MaxText)
            errors.Add(new("text", "Case.TooLong"));
        if (rationale.Length == 0)
            errors.Add(new("rationale", "Case.Required"));
        else if (rationale.Length > MaxText)
            errors.Add(new("rationale", "Case.TooLong"));
        if (dissent?.Length > MaxShort)
            errors.Add(new("dissent", "Case.TooLong"));
        if (!Enum.IsDefined(consensus))
            errors.Add(new("consensus", "Case.ChoiceInvalid"));
        if (errors.Count > 0)
            throw new Cases.CaseValidationException(errors);
        Cases.Guard.IdentifierGuard.EnsureNoIdentifyingData([("text", text), ("rationale", rationale), ("dissent", dissent)]);
        return new Recommendation
        {
            OptionId = optionId, Text = text, Rationale = rationale, Consensus = consensus, Dissent = dissent,
            TrialReferral = trialReferral, TrialId = trialReferral is null ? null : trialId, QuorumMet = quorumMet, RecordedById = recordedBy, RecordedAtUtc = nowUtc,
        };
    }
}
