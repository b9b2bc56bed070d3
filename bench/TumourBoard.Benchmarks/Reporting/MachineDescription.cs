using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Environments;

namespace TumourBoard.Benchmarks.Reporting;

internal sealed record MachineDescription(
    string Processor, string OperatingSystem, string Runtime, string BenchmarkDotNet, string? LoadAverage)
{
    public static MachineDescription Current()
    {
        var host = HostEnvironmentInfo.GetCurrent();
        var cpu = host.Cpu.Value;
        var cores = string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} logical cores available to the process");
        if (cpu.PhysicalCoreCount is { } physical)
            cores += string.Create(CultureInfo.InvariantCulture, $" ({physical} physical)");
        var frequency = cpu.NominalFrequencyHz is { } hz
            ? string.Create(CultureInfo.InvariantCulture, $" {hz / 1e9:0.00} GHz")
            : "";
        var hypervisor = host.VirtualMachineHypervisor.Value is { } vm ? $", virtual machine ({vm.Name})" : "";
        var processor = $"{cpu.ProcessorName ?? "unknown processor"}{frequency}, {cores}{hypervisor}";

        var os = host.Os.Value;
        var operatingSystem = string.IsNullOrEmpty(os.Version) ? RuntimeInformation.OSDescription : os.Version;
        if (host.InDocker)
            operatingSystem += ", in a container";

        var gc = host.IsServerGC ? "server GC" : "workstation GC";
        var runtime = $"{host.RuntimeVersion}, {host.Architecture} {host.JitInfo}, {gc}, SDK {host.DotNetSdkVersion.Value}";
        return new MachineDescription(processor, operatingSystem, runtime, host.BenchmarkDotNetVersion, ReadLoadAverage());
    }

    // The machine is shared: the load other work puts on it when the run starts tells how far to trust the figures.
    public static string? ReadLoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return fields.Length >= 3 ? $"{fields[0]} / {fields[1]} / {fields[2]} (1 / 5 / 15 min)" : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
