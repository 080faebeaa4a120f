using FashionMnist.Data;
using FashionMnist.Experiments;
using FashionMnist.Hosting;
using Spectre.Console;

namespace FashionMnist.Cli.Commands;

/// <summary>Turns an exception into a message for the user and the documented exit code.</summary>
internal static class CommandErrors
{
    public static int Report(IAnsiConsole console, Exception exception, bool verbose)
    {
        var (code, label) = exception switch
        {
            ExperimentValidationException => (ExitCodes.ConfigurationError, "Invalid experiment"),
            UnknownComponentException => (ExitCodes.ConfigurationError, "Invalid experiment"),

            UsageException => (ExitCodes.ConfigurationError, "Invalid command line"),
            DataException => (ExitCodes.DataError, "Data error"),
            OperationCanceledException => (ExitCodes.Interrupted, "Interrupted"),
            _ => (ExitCodes.TrainingFailed, "Failed"),
        };

        console.MarkupLine($"[red]{label}:[/] {Markup.Escape(exception.Message)}");
        if (verbose && code == ExitCodes.TrainingFailed)
            console.WriteException(exception);
        else if (code == ExitCodes.TrainingFailed)
            console.MarkupLine("[grey]Run again with --verbose for the stack trace.[/]");
        return code;
    }
}
