using FashionMnist.Cli.Output;
using FashionMnist.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>
/// <c>fmnist data convert</c>: converts IDX files to Kaggle CSV when the output name ends in <c>.csv</c>, and
/// Kaggle CSV to IDX files otherwise.
/// </summary>
internal sealed class DataConvertCommand(ILogger<DataConvertCommand> logger, IAnsiConsole console)
    : Command<DataConvertSettings>
{
    public override int Execute(CommandContext context, DataConvertSettings settings,
        CancellationToken cancellationToken)
    {
        try
        {
            var input = Path.GetFullPath(settings.Input);
            var output = Path.GetFullPath(settings.Output);
            if (!File.Exists(input))
                throw new DataException($"{input}: input file not found. Check the path.");

            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            var outputName = output.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? output[..^3] : output;
            if (outputName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                // Conversion does not check checksums (data verify does), and the reader's mismatch warning would
                // point to data.verify_checksums, a setting that plays no part here.
                var count = IdxCsvConverter.ConvertIdxToCsv(input, output, settings.Labels, NullLogger.Instance,
                    cancellationToken);
                console.WritePlainLine($"Wrote {count} images to {output}");
                return ExitCodes.Success;
            }

            // The labels output is named after the images output, whose name must then contain "images".
            if (settings.Labels is null && !Path.GetFileName(output).Contains("images", StringComparison.Ordinal))
            {
                throw new CommandLineException(
                    $"{output}: cannot name the labels file, because the output name contains no 'images' to "
                    + "replace with 'labels'. Give --labels FILE, or name the output like train-images-idx3-ubyte.");
            }

            if (settings.Labels is not null)
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Labels))!);
            var written = IdxCsvConverter.ConvertCsvToIdx(input, output, settings.Labels, logger, cancellationToken);
            var labels = settings.Labels is null
                ? "their labels beside it"
                : $"their labels to {Path.GetFullPath(settings.Labels)}";
            console.WritePlainLine($"Wrote {written} images to {output} and {labels}");
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(console, ex, settings.Verbose);
        }
    }
}
