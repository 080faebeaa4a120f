using System.Diagnostics;
using System.Globalization;
using FashionMnist.Experiments;
using FashionMnist.Hosting;
using FashionMnist.Training;
using Microsoft.Extensions.DependencyInjection;

namespace FashionMnist.Benchmarks;

/// <summary>
/// Measures the peak resident memory of a whole run: a child process trains the experiment in process and
/// reports its own peak working set (VmHWM on Linux), so nothing else the benchmark allocated is counted.
/// </summary>
internal static class BaselineChild
{
    public static double PeakMemoryMegabytes(BenchOptions options)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
        };
        // Under `dotnet bench.dll` the process is the dotnet host, which needs the assembly; an apphost does not.
        var host = Path.GetFileNameWithoutExtension(Environment.ProcessPath!);
        if (host == "dotnet")
            start.ArgumentList.Add(typeof(BaselineChild).Assembly.Location);
        start.ArgumentList.Add("--child-baseline");
        start.ArgumentList.Add(options.Experiment);
        start.ArgumentList.Add("--threads");
        start.ArgumentList.Add(options.Threads.ToString(CultureInfo.InvariantCulture));
        start.Environment["FMNIST_BENCH_EPOCHS"] = options.MemoryEpochs.ToString(CultureInfo.InvariantCulture);

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"The peak-memory run exited with {child.ExitCode}: {output}");
        return double.Parse(output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
    }

    public static async Task<int> RunAsync(string experimentFile, int threads)
    {
        var epochs = Environment.GetEnvironmentVariable("FMNIST_BENCH_EPOCHS") ?? "20";
        var output = Directory.CreateTempSubdirectory("fmnist-bench-run-");
        using var services = new ServiceCollection().AddLogging().AddFashionMnist().BuildServiceProvider();
        var loaded = services.GetRequiredService<ExperimentLoader>().Load(experimentFile,
            [$"training.epochs={epochs}", $"training.threads={threads}", $"output.dir={output.FullName}"]);
        await services.GetRequiredService<ExperimentRunner>().RunAsync(
            new RunRequest { Experiment = loaded.Experiment, SourcePath = experimentFile }, CancellationToken.None);

        output.Delete(recursive: true);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        Console.WriteLine(peak.ToString("F1", CultureInfo.InvariantCulture));
        return 0;
    }
}
