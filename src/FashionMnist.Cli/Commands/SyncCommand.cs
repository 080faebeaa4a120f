using FashionMnist.Tracking.Mlflow;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>
/// <c>fmnist sync</c>: sends what the MLflow server has not acknowledged of local runs, such as runs trained
/// without a server or during an outage. Running it again sends nothing new.
/// </summary>
internal sealed class SyncCommand(MlflowSync sync, IAnsiConsole console) : AsyncCommand<SyncSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SyncSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            var options = MlflowOptionsResolver.Resolve(new MlflowCommandLine(settings.TrackingUri, settings.Experiment), null);
            var report = await sync.SyncAsync(settings.Path, options, cancellationToken);

            var table = new Table().AddColumn("run").AddColumn("status").AddColumn(new TableColumn("sent").RightAligned())
                .AddColumn("MLflow run id").AddColumn("error");
            foreach (var run in report.Runs)
            {
                table.AddRow(
                    Markup.Escape(run.RunId ?? System.IO.Path.GetFileName(run.RunDirectory)),
                    run.Status == MlflowRunSyncStatus.Failed ? "[red]failed[/]" : run.Status.ToString(),
                    run.OperationsSent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(run.ServerRunId ?? ""),
                    Markup.Escape(run.Error ?? ""));
            }
            if (!settings.Quiet)
                console.Write(table);
            console.WriteLine($"{report.Runs.Count} runs, {report.OperationsSent} operations sent to {report.TrackingUri}, {report.FailedCount} failed");
            return report.FailedCount == 0 ? ExitCodes.Success : ExitCodes.TrackingError;
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(console, ex, settings.Verbose);
        }
    }
}
