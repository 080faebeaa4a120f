using FashionMnist.Data;

namespace FashionMnist.Cli.DataFiles;

/// <summary>
/// Downloads one file over HTTP to a temporary <c>.partial</c> file beside its destination and checks it against
/// the published checksum. Only a file that matches is moved to its name, so an interrupted or damaged download
/// leaves no file under the final name.
/// </summary>
internal sealed class DataDownloader(HttpClient client)
{
    private const int BufferSize = 1 << 16;

    /// <summary>
    /// Downloads <paramref name="url"/> to <paramref name="destination"/> and returns its checksum result.
    /// </summary>
    /// <param name="timeout">Time allowed for the whole file, from the request to the last byte.</param>
    /// <param name="started">Receives the length the server announced, or null when it announced none.</param>
    /// <param name="progress">Receives the number of bytes received so far, after each read.</param>
    /// <exception cref="DataException">The server is unreachable, responds with an error status, or the file does not
    /// match <paramref name="published"/>.</exception>
    public async Task<ChecksumResult> DownloadAsync(Uri url, string destination, OfficialFile published,
        TimeSpan timeout, Action<long?> started, Action<long> progress, CancellationToken cancellationToken)
    {
        var partial = destination + ".partial";
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                await ReceiveAsync(url, partial, started, progress, deadline.Token);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DataException(
                    $"{url}: timed out after {timeout.TotalSeconds:F0} s. Try again with a larger --timeout, or "
                    + "install the files with sudo apt-get install dataset-fashion-mnist.", ex);
            }

            var result = FileChecksum.Check(partial, published);
            if (!result.Matches)
            {
                throw new DataException(
                    $"{url}: the downloaded file has MD5 {result.Md5}, but the published {published.GzipName} has "
                    + $"{published.GzipMd5} and its content {published.ContentMd5} ({result.Verdict}). "
                    + "The server may serve other files under these names, "
                    + "or the download was damaged. Try again, check --base-url, or install the files with sudo "
                    + "apt-get install dataset-fashion-mnist.");
            }

            File.Move(partial, destination, overwrite: true);
            return result;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private async Task ReceiveAsync(Uri url, string partial, Action<long?> started, Action<long> progress,
        CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead,
                cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new DataException(
                    $"{url}: the server responded with HTTP {(int)response.StatusCode} {response.ReasonPhrase}. Check "
                    + "--base-url, which must be the folder holding the four .gz files.");
            }

            started(response.Content.Headers.ContentLength);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None,
                BufferSize, useAsync: true);
            var buffer = new byte[BufferSize];
            long received = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                received += read;
                progress(received);
            }
        }
        catch (HttpRequestException ex)
        {
            throw new DataException(DescribeFailure(url, ex), ex);
        }
    }

    private static string DescribeFailure(Uri url, HttpRequestException ex)
    {
        var unreachable = ex.HttpRequestError is HttpRequestError.NameResolutionError
            or HttpRequestError.ConnectionError or HttpRequestError.ProxyTunnelError;
        var cause = unreachable
            ? $"cannot reach {url.Host} ({ex.Message}); this machine seems to have no network access"
            : $"the download failed ({ex.Message})";
        return $"{url}: {cause}. Install the files from Debian instead: sudo apt-get install dataset-fashion-mnist "
            + $"puts them in {DatasetLocator.DebianDirectory}, where fmnist finds them. Or copy the four .gz files "
            + "into a folder by other means and check them with fmnist data verify --dir DIR.";
    }
}
