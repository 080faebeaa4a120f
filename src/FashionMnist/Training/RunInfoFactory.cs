using System.Runtime.InteropServices;
using System.Text;
using FashionMnist.Data;
using FashionMnist.Experiments;
using FashionMnist.Tracking;

namespace FashionMnist.Training;

/// <summary>Builds the identity of a run: experiment and run names, flattened parameters, tags and a Markdown note.</summary>
public sealed class RunInfoFactory
{
    /// <summary>
    /// Returns the experiment name: <c>tracking.experiment</c>, else <c>MLFLOW_EXPERIMENT_NAME</c>, else the
    /// experiment file's name without extension, else <c>fashion-mnist</c>.
    /// </summary>
    public string ExperimentName(RunRequest request)
    {
        if (!string.IsNullOrWhiteSpace(request.Experiment.Tracking.Experiment))
            return request.Experiment.Tracking.Experiment!;
        var fromEnvironment = Environment.GetEnvironmentVariable("MLFLOW_EXPERIMENT_NAME");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
            return fromEnvironment;
        return request.SourcePath is null ? "fashion-mnist" : Path.GetFileNameWithoutExtension(request.SourcePath);
    }

    public async Task<RunInfo> CreateAsync(RunRequest request, RunPaths paths, IReadOnlyList<DataFile> dataFiles, bool resumed,
        CancellationToken cancellationToken)
    {
        var experiment = request.Experiment;
        var runName = request.RunName ?? experiment.Tracking.RunName ?? RunNames.Default(request.SourcePath ?? "experiment", request.Overrides);
        var threads = experiment.Training.Threads > 0 ? experiment.Training.Threads : Environment.ProcessorCount;
        var tags = new Dictionary<string, string>(
            await RunTags.BuildAsync(request.SourcePath, dataFiles, threads, cancellationToken));
        tags["host.os"] = RuntimeInformation.OSDescription;
        foreach (var file in dataFiles)
            tags[$"data.verified.{Path.GetFileName(file.Path)}"] = file.Verified ? "true" : "false";
        foreach (var (key, value) in experiment.Tracking.Tags)
            tags[key] = value;

        return new RunInfo
        {
            RunId = paths.RunId,
            RunDirectory = paths.Directory,
            ExperimentName = ExperimentName(request),
            RunName = runName,
            SourceFile = request.SourcePath is null ? null : Path.GetFullPath(request.SourcePath),
            Parameters = ExperimentFlattener.Flatten(experiment),
            Tags = tags,
            Note = Describe(experiment, request),
            StartTimeMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ParentRunId = request.ParentRunDirectory is null ? null : Path.GetFileName(request.ParentRunDirectory),
            ParentRunDirectory = request.ParentRunDirectory is null ? null : Path.GetFullPath(request.ParentRunDirectory),
            Resumed = resumed,
        };
    }

    /// <summary>
    /// Returns the identity a run folder was started with (its <c>run.json</c>), marked as resumed, so a resumed run
    /// keeps its names, source file, parameters and tags.
    /// </summary>
    public static RunInfo Resumed(RunPaths paths)
    {
        try
        {
            var stored = System.Text.Json.JsonSerializer.Deserialize<RunInfo>(File.ReadAllText(paths.RunInfo), RunFolderSink.Json)
                ?? throw new System.Text.Json.JsonException("the file contains null");
            return stored with { RunDirectory = paths.Directory, Resumed = true };
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException)
        {
            throw new RunFolderException(
                $"{paths.RunInfo} is missing or damaged ({ex.Message}), so the run cannot be resumed; start a new run.", ex);
        }
    }

    private static string Describe(Experiment experiment, RunRequest request)
    {
        var note = new StringBuilder();
        note.AppendLine($"**{experiment.Model.Name}** trained with **{experiment.Optimizer.Name}** " +
                        $"(lr {experiment.Optimizer.Lr}) and the **{experiment.Schedule.Name}** schedule " +
                        $"for {experiment.Training.Epochs} epochs at batch size {experiment.Training.BatchSize}.");
        note.AppendLine();
        note.AppendLine($"- Data: {experiment.Data.Format}, dev fraction {experiment.Data.DevFraction} " +
                        $"({experiment.Data.Split} split), pixels {experiment.Data.Scale}");
        note.AppendLine($"- Seed {experiment.Training.Seed}");
        if (request.SourcePath is not null)
            note.AppendLine($"- Experiment file: `{request.SourcePath}`");
        if (request.Overrides.Count > 0)
            note.AppendLine($"- Overrides: `{string.Join("`, `", request.Overrides)}`");
        return note.ToString();
    }
}
