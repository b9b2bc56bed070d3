using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TumourBoard.Web.Data;

[assembly: AssemblyFixture(typeof(TumourBoard.Web.Tests.Infrastructure.PostgresCluster))]

namespace TumourBoard.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run, started from the installed binaries on a free loopback port.
/// Each test class gets its own database, cloned from a migrated template so that classes never see each other's data.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private bool _durable;

    /// <summary>A cluster that keeps every commit across a crash, as production does (slower; for fault tests).</summary>
    public static PostgresCluster Durable() => new() { _durable = true };

    private const string Superuser = "tumourboard";
    private const string Template = "tb_template";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tb-test-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private string _bin = "";
    private bool _templateReady;

    public int Port { get; private set; }

    public string DataDirectory => Path.Combine(_root, "data");

    public string BinDirectory => _bin;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={Superuser};Pooling=true;Include Error Detail=false";

    public async ValueTask InitializeAsync()
    {
        _bin = FindBinaries();
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(Path.Combine(_root, "run"));
        if (IsRoot)
            await RunAsync("chown", "-R", "postgres", _root);
        await RunPgAsync("initdb", "-D", DataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        Port = FreePort();
        await StartAsync();
    }

    /// <summary>Starts the cluster (again, after <see cref="StopAsync"/>) on the same port.</summary>
    public Task StartAsync() => RunPgAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root, "run", "postgres.log"), "-w", "-t", "30",
        "-o", $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={Path.Combine(_root, "run")} -c max_connections=300"
            // Speed for ordinary tests; a durable cluster keeps every commit across a crash, as production does.
            // Recovery after an immediate stop syncs the data folder once per file system (syncfs), not file by file.
            + (_durable ? " -c recovery_init_sync_method=syncfs" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"),
        "start");

    public Task StopAsync() => RunPgAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");

    /// <summary>A new, migrated, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        await EnsureTemplateAsync();
        var name = $"{prefix ?? "tb"}_{Guid.NewGuid():N}".ToLowerInvariant();
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE {Template}");
        return ConnectionString(name);
    }

    /// <summary>A new database with no schema at all.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"empty_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionString(name);
    }

    private async Task EnsureTemplateAsync()
    {
        await _templateLock.WaitAsync();
        try
        {
            if (_templateReady)
                return;
            await ExecuteAsync($"CREATE DATABASE {Template}");
            var options = new DbContextOptionsBuilder<TumourBoardDbContext>().UseNpgsql(ConnectionString(Template)).Options;
            await using (var db = new TumourBoardDbContext(options))
                await db.Database.MigrateAsync();
            NpgsqlConnection.ClearAllPools();
            _templateReady = true;
        }
        finally
        {
            _templateLock.Release();
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped by a test; nothing to do.
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderByDescending(d => d, StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql; `make test` installs them.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunPgAsync(string tool, params string[] args) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
    }
}
