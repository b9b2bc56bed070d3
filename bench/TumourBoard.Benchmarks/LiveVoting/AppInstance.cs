using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace TumourBoard.Benchmarks.LiveVoting;

// The app as production runs it: the Release build in a process of its own (not in-process, so its memory and
// processor time are its own), on a free loopback port, with demo data as in Development. Disposing kills it.
internal sealed class AppInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _logClosed;
    private int _linesLogged;
    private int _linesLoggedWhenReady;

    private AppInstance(ProcessStartInfo start, string logPath, Uri baseAddress)
    {
        _process = new Process { StartInfo = start };
        _log = new StreamWriter(logPath) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        LogPath = logPath;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public string LogPath { get; }

    public long ResidentBytes => ProcessStatistics.ResidentBytes(_process.Id);

    public TimeSpan ProcessorTime => ProcessStatistics.ProcessorTime(_process.Id);

    // make bench runs from the repository; the program may also be started from its own folder.
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "TumourBoard.sln")))
                    return folder.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmarks from the repository: TumourBoard.sln was not found above the current folder.");
    }

    /// <summary>The folder of the Release build that `make bench` builds before running (the benchmark project references it).</summary>
    public static string BuildFolder(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "src", "TumourBoard.Web", "bin", "Release", "net10.0");

    /// <summary>The garbage collector the app's build asks for: ASP.NET Core apps default to the server collector.</summary>
    public static string GarbageCollector(string repositoryRoot)
    {
        try
        {
            using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(BuildFolder(repositoryRoot), "TumourBoard.Web.runtimeconfig.json")));
            var server = config.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var properties)
                && properties.TryGetProperty("System.GC.Server", out var value) && value.GetBoolean();
            return server ? "server GC" : "workstation GC";
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            return "garbage collector unknown";
        }
    }

    public static async Task<AppInstance> StartAsync(string repositoryRoot, string connectionString, string workFolder, string name, CancellationToken ct)
    {
        var folder = BuildFolder(repositoryRoot);
        var dll = Path.Combine(folder, "TumourBoard.Web.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: run `dotnet build -c Release src/TumourBoard.Web` (make bench does).");

        var port = ScratchCluster.FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        // The content root is the working folder: appsettings*.json and the static assets manifest are found there.
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var inherited in new[] { "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "ASPNETCORE_CONTENTROOT" })
            start.Environment.Remove(inherited);
        start.Environment["ConnectionStrings__TumourBoard"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["App__PublicBaseUrl"] = baseAddress.ToString();
        start.Environment["Mail__PickupDirectory"] = Path.Combine(workFolder, $"mail-{name}");
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var instance = new AppInstance(start, Path.Combine(workFolder, $"app-{name}.log"), baseAddress);
        try
        {
            instance._process.Start();
            instance._process.BeginOutputReadLine();
            instance._process.BeginErrorReadLine();
            await instance.WaitUntilReadyAsync(ct);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (HasStarted() && !_process.HasExited)
                _process.Kill(entireProcessTree: true);
            else if (!HasStarted())
                return;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            Console.Error.WriteLine($"The app instance on {BaseAddress} did not stop: {ex.Message}");
        }
        finally
        {
            _process.Dispose();
            lock (_log)
            {
                _logClosed = true;
                _log.Dispose();
            }
        }
    }

    private bool HasStarted()
    {
        try
        {
            _ = _process.Id;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // Migrations and demo data run at start; ready means the database answers and no migration is pending.
    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited)
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The app exited with code {_process.ExitCode} while starting; see {LogPath}: {LastLines()}"));
            try
            {
                using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    lock (_log)
                        _linesLoggedWhenReady = _linesLogged;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // one slow answer while it migrates
            }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException($"The app was not ready within 120 s; see {LogPath}: {LastLines()}");
    }

    /// <summary>
    /// The errors the app logged once ready, grouped: "count× category: message — first line of the exception". Read
    /// after disposing, when the log is complete. Start-up is left out: migrating an empty database logs a failed
    /// query for the migrations table that does not exist yet.
    /// </summary>
    public IReadOnlyList<string> LoggedErrors()
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(LogPath);
        }
        catch (IOException)
        {
            return [];
        }
        var errors = new List<string>();
        for (var i = _linesLoggedWhenReady; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("fail: ", StringComparison.Ordinal) && !lines[i].StartsWith("crit: ", StringComparison.Ordinal))
                continue;
            var detail = lines.Skip(i + 1).TakeWhile(l => l.StartsWith(' ')).Take(2).Select(l => l.Trim());
            errors.Add($"{lines[i]}: {string.Join(" — ", detail)}");
        }
        return [.. errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()}× {g.Key}")];
    }

    private string LastLines()
    {
        lock (_log)
            _log.Flush();
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return string.Join(" | ", reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(8));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    private void Write(string? line)
    {
        if (line is null)
            return;
        lock (_log)
        {
            if (!_logClosed)
                _log.WriteLine(line);
            _linesLogged++;
        }
    }
}
