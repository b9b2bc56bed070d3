using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TumourBoard.Web.Tests.Infrastructure;

/// <summary>
/// The app in a process of its own, as a second instance in production: the build next to the tests
/// (TumourBoard.Web.dll with its runtime configuration), on a free loopback port, with the demo data. Unlike an
/// in-process <see cref="TumourBoardApp"/> it can die without a word: <see cref="Kill"/> is SIGKILL, so no connection
/// is closed politely and no presence is written.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), "tb-mail-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly ConcurrentLog _log = new();

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<AppProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory, // content root: appsettings and the static assets manifest are here
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TumourBoard.Web.dll"));
        foreach (var inherited in new[] { "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "ASPNETCORE_CONTENTROOT" })
            start.Environment.Remove(inherited);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ConnectionStrings__TumourBoard"] = connectionString;
        start.Environment["Seed__DemoData"] = "true";
        start.Environment["Seed__DemoPassword"] = TumourBoardApp.DemoPassword;
        start.Environment["App__PublicBaseUrl"] = baseAddress.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, baseAddress);
        start.Environment["Mail__PickupDirectory"] = app._mailFolder;
        process.OutputDataReceived += (_, e) => app._log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => app._log.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or an out-of-memory kill would.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
        await Task.Yield();
        if (Directory.Exists(_mailFolder))
            Directory.Delete(_mailFolder, recursive: true);
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} while starting: {_log.Tail()}");
            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app was not ready within 90 s: {_log.Tail()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The last lines the app wrote, to explain a failed start.
    private sealed class ConcurrentLog
    {
        private readonly Queue<string> _lines = new();

        public void Add(string? line)
        {
            if (line is null)
                return;
            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > 30)
                    _lines.Dequeue();
            }
        }

        public string Tail()
        {
            lock (_lines)
                return string.Join(" | ", _lines);
        }
    }
}
