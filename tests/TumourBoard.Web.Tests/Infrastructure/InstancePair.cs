using Microsoft.Extensions.DependencyInjection;
using TumourBoard.Web.Infrastructure;

namespace TumourBoard.Web.Tests.Infrastructure;

/// <summary>
/// Two instances on one new database, for tests that kill one: the live one in the test's process, the doomed one a
/// process of its own (<see cref="AppProcess"/>), and a balancer in front of the doomed one to switch to the live one.
/// Presence timings, when given, apply to both.
/// </summary>
public sealed class InstancePair : IAsyncDisposable
{
    private InstancePair(TumourBoardApp live, AppProcess doomed, LoopbackProxy balancer)
    {
        Live = live;
        Doomed = doomed;
        Balancer = balancer;
    }

    public TumourBoardApp Live { get; }

    public AppProcess Doomed { get; }

    public LoopbackProxy Balancer { get; }

    public static async Task<InstancePair> StartAsync(PostgresCluster cluster, int? heartbeatSeconds = null, int? presenceTimeoutSeconds = null)
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        // The live one first: it seeds the new database, the doomed one finds it done.
        var live = new TumourBoardApp(connectionString, services => services.PostConfigure<LiveBoardOptions>(o =>
        {
            o.HeartbeatSeconds = heartbeatSeconds ?? o.HeartbeatSeconds;
            o.PresenceTimeoutSeconds = presenceTimeoutSeconds ?? o.PresenceTimeoutSeconds;
        }));
        live.StartServer();
        var settings = new Dictionary<string, string>();
        if (heartbeatSeconds is { } heartbeat)
            settings["LiveBoard:HeartbeatSeconds"] = $"{heartbeat}";
        if (presenceTimeoutSeconds is { } timeout)
            settings["LiveBoard:PresenceTimeoutSeconds"] = $"{timeout}";
        var doomed = await AppProcess.StartAsync(connectionString, settings);
        return new InstancePair(live, doomed, new LoopbackProxy(doomed.BaseAddress));
    }

    /// <summary>Kills the doomed instance and points the balancer at the live one, as a balancer does when its health check fails.</summary>
    public void KillDoomedAndFailOver()
    {
        Doomed.Kill();
        Balancer.SwitchTo(Live.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        await Balancer.DisposeAsync();
        await Doomed.DisposeAsync();
        await Live.DisposeAsync();
    }
}
