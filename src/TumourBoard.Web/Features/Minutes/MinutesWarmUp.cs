using TumourBoard.Domain.Cases;
using TumourBoard.Domain.Common;
using TumourBoard.Domain.LiveBoard;
using TumourBoard.Domain.Minutes;
using TumourBoard.Domain.People;

namespace TumourBoard.Web.Features.Minutes;

/// <summary>
/// Runs the minutes' export once at start-up, before the app takes requests: the database queries of the record
/// (for a meeting that does not exist, so nothing is read or written) and a one-case document in each language. The
/// first coordinator to export after a deployment then gets the minutes in well under a second instead of paying
/// for the compilation of the whole path (decision 0020). A failure here is logged and start-up carries on.
/// </summary>
internal sealed class MinutesWarmUp(IServiceScopeFactory scopes, MinutesDocument document, TimeProvider time, ILogger<MinutesWarmUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var record = await scope.ServiceProvider.GetRequiredService<MinutesService>().EmptyRecordAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var sample = record with
            {
                Attendees = [new AttendeeRecord("Chair", "UZL", "UZ Leuven", Discipline.PaediatricOncology, Roles.Coordinator, [new AttendancePeriod(now, now)])],
                Cases =
                [
                    new CaseRecord(1, 1, "BSPHO-0000-0000", "UZL", "UZ Leuven", "Presenter", 9, 4, Sex.Female, "Diagnosis", "II Lymphomas", "Question?", false,
                        [new OptionRecord(1, "Option", "NCT00000000", 1, true)], 2, 1, 1, false,
                        new RecommendationRecord("Option", null, "Rationale", Consensus.Majority, "Dissent", "NCT00000000", true), "Summary",
                        [new FollowUpAction("Action", "Owner", DateOnly.FromDateTime(now))]),
                ],
                Deferred = [new DeferredRecord("BSPHO-0000-0001", "UZL", null, true, false)],
            };
            foreach (var language in Enum.GetValues<BoardLanguage>())
                document.Minutes(sample with { Language = language }, now);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Warming up the minutes export failed; the first export will be slower");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
