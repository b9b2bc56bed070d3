using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Cases.Guard;

namespace TumourBoard.Web.Features.Cases;

/// <summary>The guard's findings of the last save, per field, with the text they were found in.</summary>
public sealed record FindingState(IReadOnlyDictionary<string, (string Text, IReadOnlyList<IdentifierFinding> Findings)> ByField, IReadOnlySet<string> Fields)
{
    public static readonly FindingState None = new(new Dictionary<string, (string, IReadOnlyList<IdentifierFinding>)>(), new HashSet<string>());

    public static FindingState From(IReadOnlyList<FieldFinding> findings, CaseContent scanned)
    {
        var texts = PatientCase.TextFields(scanned).ToDictionary(f => f.Field, f => f.Text ?? "");
        var byField = findings.GroupBy(f => f.Field)
            .ToDictionary(g => g.Key, g => (texts.GetValueOrDefault(g.Key, ""), (IReadOnlyList<IdentifierFinding>)g.Select(f => f.Finding).ToList()));
        return new FindingState(byField, byField.Keys.ToHashSet());
    }
}
