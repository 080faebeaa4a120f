using FashionMnist.Cli.Output;
using FashionMnist.Data;
using FashionMnist.Experiments;
using FashionMnist.Hosting;
using FashionMnist.Tracking.Mlflow;
using FashionMnist.Training;
using Spectre.Console;

namespace FashionMnist.Cli.Commands;

/// <summary>Turns an exception into a message for the user and the documented exit code.</summary>
internal static class CommandErrors
{
    /// <summary>
    /// Prints <paramref name="exception"/> and returns its exit code. The stack trace is printed only with
    /// <paramref name="verbose"/> and only for unexpected failures, because the other messages are complete.
    /// </summary>
    public static int Report(IAnsiConsole console, Exception exception, bool verbose)
    {
        var (code, label) = exception switch
        {
            ExperimentValidationException => (ExitCodes.ConfigurationError, "Invalid experiment"),
            UnknownComponentException => (ExitCodes.ConfigurationError, "Invalid experiment"),
            CommandLineException => (ExitCodes.ConfigurationError, "Invalid command line"),
            MlflowOptionsException => (ExitCodes.ConfigurationError, "Invalid tracking settings"),
            MlflowException => (ExitCodes.TrackingError, "Tracking error"),
            RunFolderException => (ExitCodes.ConfigurationError, "Cannot use the run folder"),
            DataException => (ExitCodes.DataError, "Data error"),
            IOException or UnauthorizedAccessException => (ExitCodes.ConfigurationError, "Cannot write or read a file"),
            OperationCanceledException => (ExitCodes.Interrupted, "Interrupted"),
            _ => (ExitCodes.TrainingFailed, "Failed"),
        };

        if (exception is ExperimentValidationException invalid)
            WriteProblems(console, label, invalid.Problems);
        else if (code == ExitCodes.Interrupted)
            console.MarkupLine("[yellow]Interrupted.[/] A run folder keeps its last checkpoint; continue it with fmnist run --resume RUN_DIR.");
        else if (exception is IOException or UnauthorizedAccessException)
        {
            console.Markup($"[red]{label}:[/] ");
            console.WritePlainLine($"{exception.Message} Check the output path (output.dir, --output or the command's " +
                                   "output argument): it must be a writable folder or file path.");
        }
        else
        {
            // The message goes out unwrapped so that paths and URLs in it stay whole.
            console.Markup($"[red]{label}:[/] ");
            console.WritePlainLine(exception.Message);
        }

        if (verbose && code == ExitCodes.TrainingFailed)
            console.WriteException(exception);
        else if (code == ExitCodes.TrainingFailed)
            console.MarkupLine("[grey]Run again with --verbose for the stack trace.[/]");
        return code;
    }

    private static void WriteProblems(IAnsiConsole console, string label, IReadOnlyList<ConfigProblem> problems)
    {
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        console.MarkupLine($"[red]{label}:[/] {count}");
        foreach (var problem in problems)
            console.WritePlainLine($"  {problem}");
    }
}
