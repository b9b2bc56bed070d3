using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace TumourBoard.Benchmarks.LiveVoting;

// A PostgreSQL cluster of the run's own, made by scripts/pg.sh as `make run` makes the developer's, but in a folder
// under /tmp and on a free loopback port: the developer's cluster and other runs are never touched. Disposing stops
// it and deletes the folder.
internal sealed class ScratchCluster : IAsyncDisposable
{
    private readonly string _script;

    private ScratchCluster(string script, string folder, int port)
    {
        _script = script;
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public string ConnectionString { get; private set; } = "";

    public static async Task<ScratchCluster> StartAsync(string repositoryRoot, CancellationToken ct)
    {
        var folder = Path.Combine("/tmp", $"tumourboard-bench-{Guid.NewGuid():N}"[..27]);
        Directory.CreateDirectory(folder);
        var cluster = new ScratchCluster(Path.Combine(repositoryRoot, "scripts", "pg.sh"), folder, FreePort());
        try
        {
            await cluster.RunAsync("start", ct);
            cluster.ConnectionString = (await cluster.RunAsync("connection", ct)).Trim();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the server and starts it again on the same data and port: its shared buffers and caches are empty after, and
    /// the connection string stays valid. The operating system's file cache is the machine's and stays as it is.
    /// </summary>
    public async Task RestartAsync(CancellationToken ct)
    {
        await RunAsync("stop", ct);
        await RunAsync("start", ct);
    }

    public async Task<string> ServerVersionAsync(CancellationToken ct)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT current_setting('server_version')");
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The postmaster's process id, from the pid file PostgreSQL keeps in its data folder.</summary>
    public int? PostmasterId()
    {
        try
        {
            var first = File.ReadLines(Path.Combine(Folder, "pg", "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await RunAsync("stop", timeout.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            Console.Error.WriteLine($"Could not stop the benchmark's PostgreSQL in {Folder}: {ex.Message}");
            return; // keep the folder: deleting it under a running server would hide the server from pg.sh stop
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete {Folder}: {ex.Message}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<string> RunAsync(string command, CancellationToken ct)
    {
        var start = new ProcessStartInfo(_script, command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TB_DATA_DIR"] = Folder;
        start.Environment["TB_PG_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {_script}.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/pg.sh {command} failed ({process.ExitCode}): {(await error).Trim()}");
        return await output;
    }
}
