using FashionMnist.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>
/// <c>fmnist validate</c>: loads an experiment as <c>run</c> would and reports every problem at once, or prints
/// <c>valid</c> and the resolved experiment with every default filled in.
/// </summary>
internal sealed class ValidateCommand(ExperimentLoader loader, IAnsiConsole console) : Command<ValidateSettings>
{
    public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var experiment = loader.Load(settings.ExperimentFile, settings.Overrides).Experiment;
            var points = experiment.Sweep is { } sweep ? SweepExpander.Expand(sweep).Count : 0;
            console.MarkupLine(points > 0 ? $"[green]valid[/] (a sweep of {points} runs)" : "[green]valid[/]");
            if (!settings.Quiet)
                console.Profile.Out.Writer.Write(ExperimentWriter.ToYaml(experiment));
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(console, ex, settings.Verbose);
        }
    }
}
