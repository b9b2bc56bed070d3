namespace TumourBoard.Benchmarks.Reporting;

internal static class ScenarioFailure
{
    /// <summary>Why a scenario stopped, as its section and its failures say it.</summary>
    public static string Reason(Exception exception, CancellationToken cancellation, TimeSpan limit) =>
        cancellation.IsCancellationRequested ? "cancelled"
            : exception is OperationCanceledException ? $"not finished within {limit.TotalMinutes:0} minutes"
            : $"{exception.GetType().Name}: {exception.Message}";
}
