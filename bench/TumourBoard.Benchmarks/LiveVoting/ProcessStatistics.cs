using System.Globalization;

namespace TumourBoard.Benchmarks.LiveVoting;

// Memory and processor time of other processes, read from /proc (Linux only, like the rest of the scenario).
internal static class ProcessStatistics
{
    // USER_HZ, the unit of the times in /proc/<pid>/stat: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>VmRSS: the resident set, what the process holds in memory now.</summary>
    public static long ResidentBytes(int pid) => StatusBytes(pid, "VmRSS:");

    /// <summary>VmHWM: the largest resident set the process has had since it started.</summary>
    public static long PeakResidentBytes(int pid) => StatusBytes(pid, "VmHWM:");

    /// <summary>User and system time of the process; with its reaped children's when asked.</summary>
    public static TimeSpan ProcessorTime(int pid, bool withExitedChildren = false)
    {
        var fields = StatFields(pid);
        if (fields is null)
            return TimeSpan.Zero;
        // After the command's closing parenthesis: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (withExitedChildren)
            ticks += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>
    /// Processor time of a server made of a parent and the processes it forks (PostgreSQL's backends): the parent's,
    /// its living children's, and through the parent's counters that of children that have exited.
    /// </summary>
    public static TimeSpan ProcessorTimeOfTree(int parent)
    {
        var total = ProcessorTime(parent, withExitedChildren: true);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid) || pid == parent)
                continue;
            var fields = StatFields(pid);
            if (fields is not null && fields[1] == parent.ToString(CultureInfo.InvariantCulture))
                total += ProcessorTime(pid);
        }
        return total;
    }

    /// <summary>Busy and total processor time of the whole machine, all cores together, from /proc/stat.</summary>
    public static (TimeSpan Busy, TimeSpan Total) MachineTime()
    {
        // cpu user nice system idle iowait irq softirq steal ...: idle and iowait are the time no one used.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        var idle = fields[3] + fields[4];
        return (TimeSpan.FromSeconds((total - idle) / TicksPerSecond), TimeSpan.FromSeconds(total / TicksPerSecond));
    }

    private static long StatusBytes(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (!line.StartsWith(field, StringComparison.Ordinal))
                continue;
            var kilobytes = line[field.Length..].Trim().Split(' ')[0];
            return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
        }
        throw new InvalidOperationException($"/proc/{pid}/status has no {field.TrimEnd(':')}.");
    }

    // The fields after "pid (command)": the command may contain spaces and parentheses, so split after the last ')'.
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // the process has just exited
        }
    }
}
