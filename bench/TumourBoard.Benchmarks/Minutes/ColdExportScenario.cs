using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TumourBoard.Benchmarks.LiveVoting;
using TumourBoard.Domain.Common;

namespace TumourBoard.Benchmarks.Minutes;

/// <summary>One export of the minutes PDF, timed from the client: request sent, headers received, last byte received.</summary>
internal sealed record TimedExport(TimeSpan Headers, TimeSpan Total, int Pages, int Bytes);

/// <summary>
/// The first export after the restart and the app's memory around it. Resident set (VmRSS) just before and after; the
/// peak is the highest of the samples taken every few milliseconds during the export and, when the process's high-water
/// mark (VmHWM) rose during it, that mark, which no sampling can miss.
/// </summary>
internal sealed record ColdExport(TimedExport Export, long ResidentBefore, long ResidentPeak, long ResidentAfter, int Samples, TimeSpan AppProcessorTime)
{
    public long PeakGrowth => ResidentPeak - ResidentBefore;
}

internal sealed class ColdExportOutcome
{
    public string? Error { get; init; }

    public string? PostgresVersion { get; init; }

    public HeldMeeting? Held { get; init; }

    /// <summary>From stopping the app to the app answering its readiness probe again, each time.</summary>
    public IReadOnlyList<TimeSpan> Restarts { get; init; } = [];

    /// <summary>The first export after each restart.</summary>
    public IReadOnlyList<ColdExport> Cold { get; init; } = [];

    public IReadOnlyList<TimedExport> Warm { get; init; } = [];

    public long? ResidentAfterWarm { get; init; }

    /// <summary>Errors the app logged, while the meeting was held and after the restart, grouped.</summary>
    public IReadOnlyList<string> AppErrors { get; init; } = [];
}

// The cold export: a PostgreSQL cluster of its own, the app on it; a closed 40-case meeting held through the API; then,
// a few times over, the app stopped and PostgreSQL restarted, the app started again and the minutes exported once, cold;
// after the last, a few exports more, warm. Everything it starts is stopped in the end.
internal sealed class ColdExportScenario(string repositoryRoot)
{
    /// <summary>Restarts, each followed by one cold export: one alone would say more about the machine's other work than about the app.</summary>
    public const int ColdExports = 3;

    public const int WarmExports = 5;
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(8);
    public static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(5);

    /// <summary>After the app answers its readiness probe: start-up's own background work settles, as on a server up for a while.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    public static BoardLanguage Language => BoardLanguage.English;

    public async Task<ColdExportOutcome> RunAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        var ct = limit.Token;
        ScratchCluster? cluster = null;
        AppInstance? app = null;
        var appErrors = new List<string>();
        string? postgresVersion = null;
        HeldMeeting? held = null;
        var restarts = new List<TimeSpan>();
        var cold = new List<ColdExport>();
        var warm = new List<TimedExport>();
        long? residentAfterWarm = null;
        try
        {
            cluster = await ScratchCluster.StartAsync(repositoryRoot, ct);
            postgresVersion = await cluster.ServerVersionAsync(ct);
            Say($"PostgreSQL {postgresVersion} on 127.0.0.1:{cluster.Port}, data in {cluster.Folder}");
            app = await AppInstance.StartAsync(repositoryRoot, cluster.ConnectionString, cluster.Folder, "meeting", ct);
            Say($"app ready on {app.BaseAddress} (pid {app.ProcessId}) to hold the meeting");

            await AddEighthCentreAsync(cluster.ConnectionString, ct);
            var plan = BoardMeeting.For(Language);
            var voters = await VoterAccounts.CreateAsync(cluster.ConnectionString, BoardMeeting.Members, ct, (i, _) => BoardMeeting.NameOf(i));
            await using (var meeting = new MeetingThroughApi(app.BaseAddress, plan, voters))
                held = await meeting.HoldAsync(DateTimeOffset.UtcNow.AddDays(2), Say, ct);
            Say(string.Create(CultureInfo.InvariantCulture,
                $"meeting {held.MeetingId} held and closed in {held.Elapsed.TotalSeconds:0} s: {held.Calls} calls, {held.Votes} votes"));

            var path = $"api/v1/meetings/{held.MeetingId}/minutes.pdf";
            for (var run = 1; run <= ColdExports; run++)
            {
                // Nothing warm: a new app process (no compiled code, no EF Core query cache, no fonts loaded) on a
                // PostgreSQL restarted with empty shared buffers.
                var restarting = Stopwatch.StartNew();
                await app.DisposeAsync();
                appErrors.AddRange(app.LoggedErrors());
                app = null;
                await cluster.RestartAsync(ct);
                app = await AppInstance.StartAsync(repositoryRoot, cluster.ConnectionString, cluster.Folder, $"cold-{run}", ct);
                restarts.Add(restarting.Elapsed);

                using var client = CoordinatorApi.Client(app.BaseAddress, "demo-coordinator");
                client.Timeout = TimeSpan.FromSeconds(60);
                // The client's connection and its own code are made ready on a probe that does not export anything.
                using (var probe = await client.GetAsync(new Uri("health/ready", UriKind.Relative), ct))
                    probe.EnsureSuccessStatusCode();
                await Task.Delay(Settle, ct);

                var export = await ColdExportAsync(app, client, path, ct);
                cold.Add(export);
                Say(string.Create(CultureInfo.InvariantCulture,
                    $"restart {run} ({restarts[^1].TotalSeconds:0.0} s, pid {app.ProcessId}), cold export: {export.Export.Total.TotalMilliseconds:0} ms to the last byte, {export.Export.Pages} pages; resident {export.ResidentBefore / 1e6:0} MB, peak {export.ResidentPeak / 1e6:0} MB, after {export.ResidentAfter / 1e6:0} MB"));
                if (run < ColdExports)
                    continue;

                for (var i = 0; i < WarmExports; i++)
                    warm.Add(await ExportAsync(client, path, ct));
                residentAfterWarm = app.ResidentBytes;
                Say(string.Create(CultureInfo.InvariantCulture,
                    $"warm exports: {string.Join(", ", warm.Select(w => $"{w.Total.TotalMilliseconds:0}"))} ms"));
            }
            return Outcome(null);
        }
        catch (Exception ex)
        {
            var reason = TumourBoard.Benchmarks.Reporting.ScenarioFailure.Reason(ex, cancellationToken, Limit);
            Say($"did not complete: {reason}");
            return Outcome(reason);
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
                appErrors.AddRange(app.LoggedErrors());
            }
            foreach (var error in appErrors.Take(10))
                Say($"app logged {error}");
            if (cluster is not null)
                await cluster.DisposeAsync();
        }

        ColdExportOutcome Outcome(string? error) => new()
        {
            Error = error,
            PostgresVersion = postgresVersion,
            Held = held,
            Restarts = restarts,
            Cold = cold,
            Warm = warm,
            ResidentAfterWarm = residentAfterWarm,
            AppErrors = appErrors,
        };
    }

    private static async Task<ColdExport> ColdExportAsync(AppInstance app, HttpClient client, string path, CancellationToken ct)
    {
        var before = app.ResidentBytes;
        var markBefore = ProcessStatistics.PeakResidentBytes(app.ProcessId);
        var processor = app.ProcessorTime;
        using var sampling = new CancellationTokenSource();
        var sampler = SampleResidentAsync(app, sampling.Token);
        TimedExport export;
        try
        {
            export = await ExportAsync(client, path, ct);
        }
        finally
        {
            await sampling.CancelAsync();
        }
        var (peak, samples) = await sampler;
        var after = app.ResidentBytes;
        var markAfter = ProcessStatistics.PeakResidentBytes(app.ProcessId);
        if (markAfter > markBefore)
            peak = Math.Max(peak, markAfter);
        return new ColdExport(export, before, Math.Max(peak, after), after, samples, app.ProcessorTime - processor);
    }

    // A thread of its own, so that the samples do not wait behind the client's continuations; reading /proc costs
    // microseconds, a small share of a core.
    private static Task<(long Peak, int Samples)> SampleResidentAsync(AppInstance app, CancellationToken stop) =>
        Task.Factory.StartNew(() =>
        {
            long peak = 0;
            var samples = 0;
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, app.ResidentBytes);
                samples++;
                stop.WaitHandle.WaitOne(SampleInterval);
            }
            return (peak, samples);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static async Task<TimedExport> ExportAsync(HttpClient client, string path, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, ct);
        var headers = clock.Elapsed;
        var pdf = await response.Content.ReadAsByteArrayAsync(ct);
        var total = clock.Elapsed;
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/pdf")
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Content.Headers.ContentType}: {System.Text.Encoding.UTF8.GetString(pdf.AsSpan(0, Math.Min(300, pdf.Length)))}");
        return new TimedExport(headers, total, PdfPages.Count(pdf), pdf.Length);
    }

    // The reference data names seven centres; an administrator adds the eighth on the centres page (docs/reference-data.md).
    private static async Task AddEighthCentreAsync(string connectionString, CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            """INSERT INTO centres ("Code", "Name", "City", "Language", "IsActive") VALUES ($1, $2, $3, 'French', true)""");
        var (code, name, city) = BoardMeeting.EighthCentre;
        command.Parameters.Add(new NpgsqlParameter { Value = code });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = city });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Say(string message) => Console.WriteLine($"[minutes-cold] {message}");
}
