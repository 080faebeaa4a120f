using FashionMnist.Cli.Output;

namespace FashionMnist.Cli.Runs;

/// <summary>Two or more runs side by side: the parameters that differ between them and their final metrics.</summary>
internal sealed class RunComparison
{
    private RunComparison(IReadOnlyList<LocalRun> runs, IReadOnlyList<string> labels,
        IReadOnlyList<ComparisonRow> parameters, IReadOnlyList<ComparisonRow> metrics)
    {
        Runs = runs;
        Labels = labels;
        DifferingParameters = parameters;
        Metrics = metrics;
    }

    public IReadOnlyList<LocalRun> Runs { get; }

    /// <summary>
    /// One heading per run: its run name when no other compared run has the same one, else its run id.
    /// </summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>
    /// Parameters of <c>run.json</c> whose values are not the same in every run that has a <c>run.json</c>, in
    /// the first such run's key order. A run without the key shows <see cref="Numbers.Missing"/>.
    /// </summary>
    public IReadOnlyList<ComparisonRow> DifferingParameters { get; }

    /// <summary>Status, epochs, best epoch, best dev accuracy, test accuracy, test loss and training time.</summary>
    public IReadOnlyList<ComparisonRow> Metrics { get; }

    public static RunComparison Create(IReadOnlyList<LocalRun> runs)
    {
        var names = runs.Select(r => r.DisplayName).ToList();
        var labels = runs
            .Select(r => names.Count(n => n == r.DisplayName) == 1 ? r.DisplayName : r.RunId)
            .ToList();
        return new RunComparison(runs, labels, Differences(runs), FinalMetrics(runs));
    }

    // Runs without a readable run.json show "-" but do not make every key differ.
    private static List<ComparisonRow> Differences(IReadOnlyList<LocalRun> runs)
    {
        var known = runs.Where(r => r.Parameters.Count > 0).ToList();
        var keys = known.SelectMany(r => r.Parameters.Keys).Distinct(StringComparer.Ordinal);
        var rows = new List<ComparisonRow>();
        foreach (var key in keys)
        {
            var differs = known
                .Select(r => r.Parameters.GetValueOrDefault(key))
                .Distinct(StringComparer.Ordinal)
                .Count() > 1;
            if (!differs)
                continue;
            var values = runs.Select(r => r.Parameters.GetValueOrDefault(key) ?? Numbers.Missing).ToList();
            rows.Add(new ComparisonRow(key, values));
        }
        return rows;
    }

    private static List<ComparisonRow> FinalMetrics(IReadOnlyList<LocalRun> runs) =>
    [
        new("status", runs.Select(r => r.Status).ToList()),
        new("epochs trained", runs.Select(r => Numbers.Integer(r.Epochs)).ToList()),
        new("best epoch", runs.Select(r => Numbers.Integer(r.BestEpoch)).ToList()),
        new("best dev accuracy", runs.Select(r => Numbers.Share(r.BestDevAccuracy)).ToList()),
        new("test accuracy", runs.Select(r => Numbers.Share(r.TestAccuracy)).ToList()),
        new("test loss", runs.Select(r => Numbers.Share(r.TestLoss)).ToList()),
        new("training time (s)", runs.Select(r => Numbers.Seconds(r.TrainingSeconds)).ToList()),
    ];
}
