using FashionMnist.Cli.Output;
using FashionMnist.Experiments;
using FashionMnist.Tracking.Mlflow;
using FashionMnist.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary><c>fmnist run</c>: trains an experiment, or every point of its sweep, and reports the test result.</summary>
internal sealed class RunCommand(ExperimentLoader loader, ExperimentRunner runner, SweepRunner sweeps, IAnsiConsole console)
    : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var overrides = settings.Overrides.ToList();

            // Checked here, so a bad value is reported as the option's rather than the experiment file's.
            if (settings.TrackingUri is not null)
                MlflowOptionsResolver.Resolve(new MlflowCommandLine(settings.TrackingUri), null, _ => null);
            if (settings.TrackingUri is not null)
                overrides.Add($"tracking.uri={settings.TrackingUri}");
            if (settings.ExperimentName is not null)
                overrides.Add($"tracking.experiment={settings.ExperimentName}");

            if (settings.Resume is not null && (settings.Overrides.Length > 0 || settings.ExperimentFile is not null))
            {
                throw new CommandLineException(
                    "--resume continues a run with the settings it started with, so it takes no experiment file and no " +
                    "--set; start a new run to change settings.");
            }

            var file = settings.Resume is null ? settings.ExperimentFile! : Path.Combine(settings.Resume, "experiment.yaml");
            var loaded = loader.Load(file, overrides);
            if (settings.DryRun)
            {
                console.Profile.Out.Writer.Write(ExperimentWriter.ToYaml(loaded.Experiment));
                return ExitCodes.Success;
            }

            if (loaded.Experiment.Sweep is not null && settings.Resume is null)
                return await RunSweepAsync(loaded, settings, cancellationToken);
            if (settings.Shard is not null)
                throw new CommandLineException($"--shard {settings.Shard}: {file} has no sweep section to shard; remove --shard or add a sweep.");

            var request = new RunRequest
            {
                Experiment = loaded.Experiment,
                SourcePath = settings.Resume is null ? settings.ExperimentFile : null,
                Overrides = settings.Overrides,
                ResumeDirectory = settings.Resume,
                RunName = settings.RunName,
            };
            var result = await runner.RunAsync(request, cancellationToken);
            if (!settings.Quiet)
                SummaryTable.Write(console, result);
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(console, ex, settings.Verbose);
        }
    }

    private async Task<int> RunSweepAsync(LoadedExperiment loaded, RunSettings settings, CancellationToken cancellationToken)
    {
        var (index, count) = (1, 1);
        try
        {
            if (settings.Shard is not null)
                (index, count) = SweepExpander.ParseShard(settings.Shard);
        }
        catch (FormatException ex)
        {
            throw new CommandLineException($"--shard: {ex.Message}", ex);
        }

        var results = await sweeps.RunAsync(loaded, index, count, cancellationToken);
        if (!settings.Quiet)
            SummaryTable.WriteSweep(console, results);
        return results.Any(r => r.Error is not null) ? ExitCodes.TrainingFailed : ExitCodes.Success;
    }
}
