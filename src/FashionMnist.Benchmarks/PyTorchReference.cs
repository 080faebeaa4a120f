using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace FashionMnist.Benchmarks;

/// <summary>Runs bench/pytorch_reference.py with the same data, threads and repeats, and reads its JSON result.</summary>
internal static class PyTorchReference
{
    public static Dictionary<string, double> Run(BenchOptions options, string csvPath, string idxTrainImages)
    {
        var script = Path.Combine(FindRepositoryRoot(), "bench", "pytorch_reference.py");
        var start = new ProcessStartInfo(options.Python!) { RedirectStandardOutput = true };
        foreach (var argument in new[]
                 {
                     script, "--csv", csvPath, "--threads", options.Threads.ToString(CultureInfo.InvariantCulture),
                     "--repeats", options.Repeats.ToString(CultureInfo.InvariantCulture),
                     "--memory-epochs", (options.SkipMemory ? 0 : options.MemoryEpochs).ToString(CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} exited with {process.ExitCode}.");
        return JsonSerializer.Deserialize<Dictionary<string, double>>(output.Trim().Split('\n')[^1])!;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FashionMnist.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("Run the benchmark from inside the repository, which holds bench/pytorch_reference.py.");
    }
}
