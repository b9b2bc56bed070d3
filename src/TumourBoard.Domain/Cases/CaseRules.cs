namespace TumourBoard.Domain.Cases;

/// <summary>Limits of what a case holds, shared by the entity, the form and the API documentation.</summary>
public static class CaseRules
{
    public const int MaxAgeYears = 25;
    public const int MinOptions = 1;
    public const int MaxOptions = 6;
    public const int MaxShortText = 200;
    public const int MaxLongText = 10_000;
    public const int MaxQuestion = 2_000;
    public const int MaxOptionDetail = 2_000;
    public const int MaxLocalReference = 100;
    public const int EarliestDiagnosisYear = 1990;
}
