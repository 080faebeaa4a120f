using System.Diagnostics;
using System.Globalization;
using FashionMnist.Experiments;
using FashionMnist.Tracking;
using FashionMnist.Training;
using Spectre.Console;

namespace FashionMnist.Cli.Output;

/// <summary>
/// Shows training on the console: on a terminal a live bar with ETA, running loss and accuracy; one plain line
/// per epoch always (also when redirected or in CI); and the test result at the end.
/// </summary>
internal sealed class ConsoleReporter(IAnsiConsole console, OutputMode mode) : ITrainingObserver, IMetricSinkFactory
{
    private const int BarWidth = 24;
    private readonly Stopwatch _epochClock = new();
    private long _lastDrawMs = -1000;
    private bool _lineDrawn;

    public void EpochStarted(int epoch, int epochs, int batches)
    {
        _epochClock.Restart();
        _lastDrawMs = -1000;
    }

    public void BatchCompleted(int epoch, int batch, int batches, double runningLoss, double runningAccuracy)
    {
        if (!mode.Live)
            return;

        // Redraw at most ten times a second; the terminal, not the model, would otherwise set the pace.
        var now = _epochClock.ElapsedMilliseconds;
        if (now - _lastDrawMs < 100 && batch != batches)
            return;
        _lastDrawMs = now;

        var done = (double)batch / batches;
        var filled = (int)Math.Round(done * BarWidth);
        var eta = batch == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(now * (batches - batch) / (double)batch);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"epoch {epoch} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {batch}/{batches} " +
            $"ETA {eta:mm\\:ss}  loss {runningLoss:F4}  acc {runningAccuracy:F4}");
        console.Profile.Out.Writer.Write("\r" + line.PadRight(Math.Min(console.Profile.Width - 1, 100)));
        console.Profile.Out.Writer.Flush();
        _lineDrawn = true;
    }

    public IMetricSink Create(Experiment experiment, RunPaths paths) => new Sink(this);

    private void ClearLiveLine()
    {
        if (!_lineDrawn)
            return;
        console.Profile.Out.Writer.Write("\r" + new string(' ', Math.Min(console.Profile.Width - 1, 100)) + "\r");
        _lineDrawn = false;
    }

    private void WriteLine(string text)
    {
        ClearLiveLine();
        console.Profile.Out.Writer.WriteLine(text);
        console.Profile.Out.Writer.Flush();
    }

    /// <summary>Formats the per-epoch line: epoch, losses, dev accuracy, rate, seconds and throughput.</summary>
    internal static string FormatEpoch(EpochMetrics m) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {m.Epoch,3}  train_loss {m.TrainLoss:F4}  dev_loss {m.DevLoss:F4}  dev_accuracy {m.DevAccuracy:F4}  " +
        $"lr {m.LearningRate:G4}  {m.EpochSeconds:F1} s  {m.ImagesPerSecond:F0} images/s");

    /// <summary>Formats the final line with the test results of the best dev epoch's weights.</summary>
    internal static string FormatFinal(FinalMetrics f) => string.Create(CultureInfo.InvariantCulture,
        $"test  accuracy {f.TestAccuracy:F4}  loss {f.TestLoss:F4}  (weights of epoch {f.BestEpoch}, " +
        $"best dev accuracy {f.BestDevAccuracy:F4}, {f.EpochsTrained} {(f.EpochsTrained == 1 ? "epoch" : "epochs")} in " +
        $"{f.TrainingSeconds:F0} s)");

    private sealed class Sink(ConsoleReporter reporter) : IMetricSink
    {
        public Task StartRunAsync(RunInfo run, CancellationToken cancellationToken)
        {
            if (!reporter.Quiet)
                reporter.WriteLine($"run {run.RunName} -> {run.RunDirectory}");
            return Task.CompletedTask;
        }

        public Task LogEpochAsync(EpochMetrics metrics, CancellationToken cancellationToken)
        {
            if (!reporter.Quiet)
                reporter.WriteLine(FormatEpoch(metrics));
            return Task.CompletedTask;
        }

        public Task LogArtifactAsync(string localPath, string artifactPath, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public Task EndRunAsync(RunEnd end, CancellationToken cancellationToken)
        {
            reporter.ClearLiveLine();
            if (end.Final is { } final)
                reporter.WriteLine(FormatFinal(final));
            return Task.CompletedTask;
        }
    }

    private bool Quiet => mode.Quiet;
}
