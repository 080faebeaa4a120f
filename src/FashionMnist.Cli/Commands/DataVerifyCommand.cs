using FashionMnist.Cli.DataFiles;
using FashionMnist.Cli.Output;
using FashionMnist.Data;
using FashionMnist.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>
/// <c>fmnist data verify</c>: prints the MD5 of each of the four official files and whether it matches the
/// published checksum; exit code 3 when any file is missing or does not match.
/// </summary>
internal sealed class DataVerifyCommand(DatasetLocator locator, PublishedChecksums checksums, IAnsiConsole console)
    : Command<DataVerifySettings>
{
    public override int Execute(CommandContext context, DataVerifySettings settings,
        CancellationToken cancellationToken)
    {
        try
        {
            var directory = FindDirectory(settings.Directory);
            var table = new Table().NoBorder().AddColumn("file").AddColumn("MD5").AddColumn("result");
            var failed = 0;
            var byContent = false;
            foreach (var published in checksums.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = FindFile(directory, published.Name);
                if (path is null)
                {
                    failed++;
                    table.AddRow(published.GzipName, "-", "[red]missing[/]");
                    continue;
                }

                var result = FileChecksum.Check(path, published);
                byContent |= result.Matches && result.Verdict != "ok";
                if (!result.Matches)
                    failed++;
                var verdict = result.Matches
                    ? $"[green]{result.Verdict}[/]"
                    : $"[red]{result.Verdict}[/] (published {result.Expected})";
                table.AddRow(Markup.Escape(Path.GetFileName(path)), result.Md5, verdict);
            }

            console.WritePlainLine($"Fashion-MNIST files in {directory}");
            console.Write(table);
            if (byContent)
            {
                console.WritePlainLine("ok (content): the .gz file itself differs from the published one, but its "
                    + "decompressed content has the published MD5, as with Debian's recompressed files.");
            }
            return Conclude(directory, failed);
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(console, ex, settings.Verbose);
        }
    }

    private string FindDirectory(string? configured)
    {
        if (configured is null)
        {
            var names = checksums.Files.Select(f => f.Name).ToList();
            return locator.LocateDirectory(new DataOptions(), names)!;
        }

        var directory = Path.GetFullPath(configured);
        if (!Directory.Exists(directory))
        {
            throw new DataException(
                $"--dir {configured}: folder {directory} not found. Give the folder holding the IDX files, or get "
                + "them with sudo apt-get install dataset-fashion-mnist or fmnist data download --dir DIR.");
        }
        return directory;
    }

    // The uncompressed file wins when both exist, as the readers choose.
    private static string? FindFile(string directory, string name)
    {
        var plain = Path.Combine(directory, name);
        if (File.Exists(plain))
            return plain;
        return File.Exists(plain + ".gz") ? plain + ".gz" : null;
    }

    private int Conclude(string directory, int failed)
    {
        if (failed == 0)
        {
            console.MarkupLine("[green]All four files match the published checksums.[/]");
            return ExitCodes.Success;
        }

        console.MarkupLine(Markup.Escape(
            $"{failed} of {checksums.Files.Count} files are missing or do not match the published checksums. Replace "
            + "them with the Fashion-MNIST files: sudo apt-get install dataset-fashion-mnist, or fmnist data "
            + $"download --dir {directory} where a network is available."));
        return ExitCodes.DataError;
    }
}
