using FashionMnist.Cli.Output;
using FashionMnist.Experiments;
using FashionMnist.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary><c>fmnist run</c>: trains an experiment, or every point of its sweep, and reports the test result.</summary>
internal sealed class RunCommand(ExperimentLoader loader, ExperimentRunner runner, IAnsiConsole console)
    : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var overrides = settings.Overrides.ToList();
            if (settings.TrackingUri is not null)
                overrides.Add($"tracking.uri={settings.TrackingUri}");

            var file = settings.Resume is null ? settings.ExperimentFile! : Path.Combine(settings.Resume, "experiment.yaml");
            var loaded = loader.Load(file, overrides);
            if (settings.DryRun)
            {
                console.Profile.Out.Writer.Write(ExperimentWriter.ToYaml(loaded.Experiment));
                return ExitCodes.Success;
            }

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
}
