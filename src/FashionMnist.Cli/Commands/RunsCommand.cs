using FashionMnist.Cli.Output;
using FashionMnist.Cli.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>
/// <c>fmnist runs</c>: lists the run folders under a folder, newest first. Half-written and foreign folders are
/// listed as incomplete.
/// </summary>
internal sealed class RunsCommand(IAnsiConsole console) : Command<RunsSettings>
{
    public override int Execute(CommandContext context, RunsSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var root = Path.GetFullPath(settings.Directory ?? RunsSettings.DefaultDirectory);
            if (!Directory.Exists(root))
            {
                // Without --dir, a missing default folder only means nothing has been trained here yet.
                if (settings.Directory is not null)
                {
                    throw new CommandLineException(
                        $"--dir {settings.Directory}: folder {root} not found. Give the folder that output.dir names.");
                }
                console.WritePlainLine($"No runs yet: {root} does not exist. fmnist run writes run folders there.");
                return ExitCodes.Success;
            }

            var runs = RunFolderReader.List(root);
            if (runs.Count == 0)
            {
                console.WritePlainLine($"No runs in {root}.");
                return ExitCodes.Success;
            }

            console.Write(BuildTable(runs));
            if (!settings.Quiet)
                console.WritePlainLine($"{runs.Count} run folder(s) in {root}");
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(console, ex, settings.Verbose);
        }
    }

    private static Table BuildTable(IReadOnlyList<LocalRun> runs)
    {
        var table = new Table()
            .Border(TableBorder.Simple)
            .AddColumn("run id")
            .AddColumn("experiment")
            .AddColumn("run name")
            .AddColumn("status")
            .AddColumn(new TableColumn("epochs").RightAligned())
            .AddColumn(new TableColumn("best dev acc").RightAligned())
            .AddColumn(new TableColumn("test acc").RightAligned())
            .AddColumn("started");

        foreach (var run in runs)
        {
            var status = run.Status == "finished" ? run.Status : $"[yellow]{Markup.Escape(run.Status)}[/]";
            table.AddRow(
                Markup.Escape(run.RunId),
                Markup.Escape(run.ExperimentName ?? Numbers.Missing),
                Markup.Escape(run.RunName ?? Numbers.Missing),
                status,
                Numbers.Integer(run.Epochs),
                Numbers.Share(run.BestDevAccuracy),
                Numbers.Share(run.TestAccuracy),
                Numbers.Time(run.StartTime));
        }
        return table;
    }
}
