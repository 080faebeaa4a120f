using System.Globalization;

namespace FashionMnist.Benchmarks;

/// <summary>Command-line options of the benchmark.</summary>
internal sealed record BenchOptions
{
    /// <summary>libtorch threads for every measurement, ours and PyTorch's. Default 2.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>Timed repetitions after one warm-up; the median is reported. Default 5.</summary>
    public int Repeats { get; init; } = 5;

    /// <summary>Directory of the IDX files. Default: the same search as <c>data.dir</c> left empty.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Python interpreter with torch and pandas for the reference, or null to skip it.</summary>
    public string? Python { get; init; }

    /// <summary>Experiment whose full run is measured for peak memory. Default experiments/baseline.yaml.</summary>
    public string Experiment { get; init; } = "experiments/baseline.yaml";

    /// <summary>Epochs of the peak-memory run, ours and PyTorch's. Default 20, the whole baseline.</summary>
    public int MemoryEpochs { get; init; } = 20;

    public bool SkipMemory { get; init; }

    /// <summary>Set in the child process that trains the experiment for the peak-memory measurement.</summary>
    public string? ChildBaseline { get; init; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--threads" => options with { Threads = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--repeats" => options with { Repeats = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--data" => options with { DataDirectory = Value() },
                "--pytorch" => options with { Python = Value() },
                "--experiment" => options with { Experiment = Value() },
                "--memory-epochs" => options with { MemoryEpochs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--skip-memory" => options with { SkipMemory = true },
                "--child-baseline" => options with { ChildBaseline = Value() },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}. Options: --threads N, --repeats N, --data DIR, --pytorch PYTHON, " +
                    "--experiment FILE, --memory-epochs N, --skip-memory."),
            };
        }
        return options;
    }
}
