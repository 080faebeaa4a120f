using FashionMnist.Cli.DataFiles;
using FashionMnist.Cli.Output;
using FashionMnist.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>
/// <c>fmnist data download</c>: downloads the four official .gz files, checks their MD5 and writes each one
/// atomically. Files already present with the published checksum are kept.
/// </summary>
internal sealed class DataDownloadCommand(
    IHttpClientFactory httpClients,
    PublishedChecksums checksums,
    OutputMode mode,
    IAnsiConsole console) : AsyncCommand<DataDownloadSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DataDownloadSettings settings,
        CancellationToken cancellationToken)
    {
        try
        {
            var directory = settings.ResolveDirectory();
            Directory.CreateDirectory(directory);
            var baseUrl = settings.ResolveBaseUrl();
            var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
            using var client = httpClients.CreateClient(nameof(DataDownloadCommand));
            client.Timeout = Timeout.InfiniteTimeSpan;
            var downloader = new DataDownloader(client);

            var pending = new List<OfficialFile>();
            foreach (var published in checksums.Files)
            {
                var path = Path.Combine(directory, published.GzipName);
                if (File.Exists(path) && FileChecksum.Check(path, published).Matches)
                    console.WritePlainLine($"{published.GzipName}: already present with the published MD5; kept");
                else
                    pending.Add(published);
            }

            if (mode.Live && console.Profile.Capabilities.Interactive)
                await DownloadWithProgressAsync(downloader, pending, baseUrl, directory, timeout, cancellationToken);
            else
                await DownloadPlainAsync(downloader, pending, baseUrl, directory, timeout, cancellationToken);

            console.WritePlainLine($"All four files are in {directory} and match the published checksums. Use "
                + $"them with data.dir: {directory} in the experiment, or "
                + $"{DatasetLocator.EnvironmentVariable}={directory}.");
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            return CommandErrors.Report(console, ex, settings.Verbose);
        }
    }

    /// <summary>Prints one line before and one after each file, for logs and redirected output.</summary>
    private async Task DownloadPlainAsync(DataDownloader downloader, List<OfficialFile> files, Uri baseUrl,
        string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        foreach (var published in files)
        {
            var url = new Uri(baseUrl, published.GzipName);
            console.WritePlainLine($"{published.GzipName}: downloading {url}");
            long bytes = 0;
            await downloader.DownloadAsync(url, Path.Combine(directory, published.GzipName), published, timeout,
                _ => { }, received => bytes = received, cancellationToken);
            console.WritePlainLine($"{published.GzipName}: {Megabytes(bytes)} MB, MD5 ok");
        }
    }

    /// <summary>Shows a Spectre progress bar per file, with size, speed and time left, on a terminal.</summary>
    private async Task DownloadWithProgressAsync(DataDownloader downloader, List<OfficialFile> files, Uri baseUrl,
        string directory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                foreach (var published in files)
                {
                    var task = progress.AddTask(published.GzipName, autoStart: true, maxValue: 1);
                    await downloader.DownloadAsync(new Uri(baseUrl, published.GzipName),
                        Path.Combine(directory, published.GzipName), published, timeout,
                        length => task.MaxValue = length ?? 1,
                        received => task.Value = received,
                        cancellationToken);
                    task.Value = task.MaxValue;
                    task.Description = $"{published.GzipName} [green]MD5 ok[/]";
                    task.StopTask();
                }
            });
    }

    private static string Megabytes(long bytes) =>
        (bytes / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}
