using System.Globalization;

namespace FashionMnist.Benchmarks;

/// <summary>Prints the measurements as a Markdown table, with the PyTorch reference and the ratio where one exists.</summary>
internal static class ResultTable
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["csv_load_s"] = "load the 60,000-row training CSV",
        ["idx_load_s"] = "load the four IDX .gz files with checksums",
        ["train_b32_ips"] = "train the baseline model, batch 32",
        ["train_b256_ips"] = "train the baseline model, batch 256",
        ["infer_b1000_ips"] = "inference, batch 1000",
        ["epoch_s"] = "one whole baseline epoch (54,000 train + 6,000 dev)",
        ["peak_memory_mb"] = "peak resident memory of the baseline run",
    };

    public static void Write(TextWriter output, IReadOnlyList<Measurement> ours, IReadOnlyDictionary<string, double> reference,
        BenchOptions options)
    {
        output.WriteLine($"threads {options.Threads}, median of {options.Repeats} repeats after one warm-up, " +
                         $"peak memory over {options.MemoryEpochs} epochs");
        output.WriteLine();
        output.WriteLine("| measurement | FashionMnist | PyTorch reference | ratio (better is > 1) |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var m in ours)
        {
            var theirs = reference.TryGetValue(m.Key, out var value) ? Format(value, m.Unit) : "–";
            var ratio = reference.TryGetValue(m.Key, out value) ? Ratio(m, value) : "–";
            output.WriteLine($"| {Descriptions[m.Key]} | {Format(m.Value, m.Unit)} | {theirs} | {ratio} |");
        }

        foreach (var (key, value) in reference.Where(r => ours.All(m => m.Key != r.Key)))
            output.WriteLine($"| PyTorch only: {key} | – | {value.ToString("G4", CultureInfo.InvariantCulture)} | – |");
    }

    // For times and memory, smaller is better, so the ratio is theirs / ours; for throughput it is ours / theirs.
    private static string Ratio(Measurement m, double theirs)
    {
        var ratio = m.Unit == "images/s" ? m.Value / theirs : theirs / m.Value;
        return ratio.ToString("F2", CultureInfo.InvariantCulture) + "×";
    }

    private static string Format(double value, string unit) => unit switch
    {
        "s" => value.ToString("F3", CultureInfo.InvariantCulture) + " s",
        "MB" => value.ToString("F0", CultureInfo.InvariantCulture) + " MB",
        _ => value.ToString("N0", CultureInfo.InvariantCulture) + " " + unit,
    };
}
