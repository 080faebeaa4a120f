using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FashionMnist.Experiments;
using FashionMnist.Tracking;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Training;

/// <summary>
/// Runs the points of an experiment's <c>sweep</c> section, or one shard of them, as child runs under a parent
/// run. The parent's folder records every point's outcome in <c>sweep.json</c>; trackers see the parent as a run
/// of its own and each child with <see cref="RunInfo.ParentRunDirectory"/> set.
/// </summary>
public sealed class SweepRunner(
    ExperimentLoader loader,
    ExperimentRunner runner,
    RunInfoFactory runInfoFactory,
    IEnumerable<IMetricSinkFactory> sinkFactories,
    ILogger<SweepRunner> logger)
{
    /// <summary>
    /// Runs the sweep points of <paramref name="loaded"/> that belong to shard <paramref name="shardIndex"/> of
    /// <paramref name="shardCount"/> (1-based) and returns the outcome of every point that was run.
    /// </summary>
    public async Task<IReadOnlyList<SweepPointResult>> RunAsync(LoadedExperiment loaded, int shardIndex, int shardCount,
        CancellationToken cancellationToken)
    {
        var sweep = loaded.Experiment.Sweep ?? throw new InvalidOperationException($"{loaded.SourcePath} has no sweep section.");
        var points = SweepExpander.Shard(SweepExpander.Expand(sweep), shardIndex, shardCount);
        var sweepId = SweepId(loaded);
        var parentRequest = new RunRequest { Experiment = loaded.Experiment, SourcePath = loaded.SourcePath, Overrides = loaded.Overrides };
        var experimentName = runInfoFactory.ExperimentName(parentRequest);
        // NOTE: each shard process creates its own parent run. In MLflow the parents of one sweep are separate
        // runs that share the tag fmnist.sweep_id, so search `tags.fmnist.sweep_id = '<id>'` to see them together.
        var parent = RunPaths.CreateNew(loaded.Experiment.Output.Dir, experimentName + "-sweep", DateTimeOffset.UtcNow);
        File.WriteAllText(parent.Experiment, ExperimentWriter.ToYaml(loaded.Experiment));

        var info = ParentInfo(parentRequest, experimentName, parent, sweepId, shardIndex, shardCount, points.Count);
        await using var sinks = SinkGroup.Create(sinkFactories, loaded.Experiment, parent, logger);
        await sinks.StartRunAsync(info, cancellationToken);
        logger.LogInformation("Sweep {SweepId}: shard {Shard} of {Shards} runs {Count} points", sweepId, shardIndex, shardCount, points.Count);

        var results = new List<SweepPointResult>();
        var status = RunStatus.Finished;
        string? error = null;
        try
        {
            foreach (var point in points)
            {
                var result = await RunPointAsync(loaded, point, parent, cancellationToken);
                results.Add(result);
                WriteSummary(parent, sweepId, results);
                if (result.Error is not null && !sweep.ContinueOnFailure)
                {
                    status = RunStatus.Failed;
                    error = $"point {point.Index} failed and sweep.continue_on_failure is false: {result.Error}";
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await sinks.EndRunAsync(new RunEnd { Status = RunStatus.Killed, EndTimeMs = NowMs(), Error = "interrupted" }, CancellationToken.None);
            throw;
        }

        WriteSummary(parent, sweepId, results);
        await sinks.LogArtifactAsync(SummaryPath(parent), "sweep.json", cancellationToken);
        await sinks.EndRunAsync(new RunEnd { Status = status, EndTimeMs = NowMs(), Error = error }, CancellationToken.None);
        return results;
    }

    private async Task<SweepPointResult> RunPointAsync(LoadedExperiment loaded, SweepPoint point, RunPaths parent,
        CancellationToken cancellationToken)
    {
        var overrides = loaded.Overrides.Concat(point.Overrides).ToList();
        var child = loader.Load(loaded.SourcePath, overrides);
        child.Experiment.Sweep = null;
        var request = new RunRequest
        {
            Experiment = child.Experiment,
            SourcePath = loaded.SourcePath,
            Overrides = overrides,
            ParentRunDirectory = parent.Directory,
            RunName = $"{Path.GetFileNameWithoutExtension(loaded.SourcePath)} #{point.Index} {string.Join(' ', point.Overrides)}",
        };

        try
        {
            var result = await runner.RunAsync(request, cancellationToken);
            return new SweepPointResult(point, result.Paths.Directory, result.Final.TestAccuracy, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Sweep point {Index} ({Overrides}) failed", point.Index, string.Join(' ', point.Overrides));
            return new SweepPointResult(point, null, double.NaN, ex.Message);
        }
    }

    private static RunInfo ParentInfo(RunRequest request, string experimentName, RunPaths parent, string sweepId,
        int shardIndex, int shardCount, int count)
    {
        var tags = new Dictionary<string, string>(request.Experiment.Tracking.Tags)
        {
            ["fmnist.sweep_id"] = sweepId,
            ["fmnist.sweep_role"] = "parent",
            ["fmnist.sweep_shard"] = $"{shardIndex}/{shardCount}",
        };
        return new RunInfo
        {
            RunId = parent.RunId,
            RunDirectory = parent.Directory,
            ExperimentName = experimentName,
            RunName = $"{Path.GetFileNameWithoutExtension(request.SourcePath)} sweep {sweepId[..8]}",
            SourceFile = request.SourcePath is null ? null : Path.GetFullPath(request.SourcePath),
            Parameters = ExperimentFlattener.Flatten(request.Experiment),
            Tags = tags,
            Note = $"Sweep of {count} points (shard {shardIndex} of {shardCount}) over " +
                   string.Join(", ", request.Experiment.Sweep!.Parameters.Keys.Select(k => $"`{k}`")),
            StartTimeMs = NowMs(),
        };
    }

    /// <summary>
    /// Returns an id that is the same for every shard of one sweep on any machine: a hash of the resolved
    /// experiment, sweep included, so shards started from the same file and overrides share a parent.
    /// </summary>
    internal static string SweepId(LoadedExperiment loaded)
    {
        var text = ExperimentWriter.ToYaml(loaded.Experiment);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static string SummaryPath(RunPaths parent) => Path.Combine(parent.Directory, "sweep.json");

    private static void WriteSummary(RunPaths parent, string sweepId, IReadOnlyList<SweepPointResult> results)
    {
        var summary = new
        {
            SweepId = sweepId,
            Points = results.Select(r => new
            {
                r.Point.Index,
                r.Point.Overrides,
                Status = r.Error is null ? "FINISHED" : "FAILED",
                r.RunDirectory,
                r.TestAccuracy,
                r.Error,
            }),
        };
        File.WriteAllText(SummaryPath(parent), JsonSerializer.Serialize(summary, RunFolderSink.Json));
    }

    private static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
