namespace TumourBoard.Web.Data;

/// <summary>The last case number issued in a year; the next one is taken with an atomic upsert.</summary>
public sealed class CaseCodeCounter
{
    public int Year { get; set; }

    public int Last { get; set; }
}
