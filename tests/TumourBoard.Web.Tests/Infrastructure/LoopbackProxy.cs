using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace TumourBoard.Web.Tests.Infrastructure;

/// <summary>
/// A load balancer in miniature: a TCP proxy on a free loopback port that sends each new connection to the current
/// target port. <see cref="SwitchTo"/> points it at another instance and drops the connections to the old one, as a
/// balancer does when it finds an instance dead.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Guid, (TcpClient Client, TcpClient Upstream)> _open = new();
    private readonly Task _accepting;
    private volatile int _targetPort;

    public LoopbackProxy(Uri target)
    {
        _targetPort = target.Port;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public void SwitchTo(Uri target)
    {
        _targetPort = target.Port;
        foreach (var (id, pair) in _open)
        {
            if (_open.TryRemove(id, out _))
                Close(pair);
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        var id = Guid.NewGuid();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
            _open[id] = (client, upstream);
            var up = client.GetStream().CopyToAsync(upstream.GetStream(), _stop.Token);
            var down = upstream.GetStream().CopyToAsync(client.GetStream(), _stop.Token);
            await Task.WhenAny(up, down);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The instance behind is gone or the client left: the connection ends, as it would through a balancer.
        }
        finally
        {
            _open.TryRemove(id, out _);
            Close((client, upstream));
        }
    }

    private static void Close((TcpClient Client, TcpClient Upstream) pair)
    {
        pair.Client.Dispose();
        pair.Upstream.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        foreach (var pair in _open.Values)
            Close(pair);
        _stop.Dispose();
    }
}
