using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using FashionMnist.Data;

namespace FashionMnist.Tracking;

/// <summary>
/// Builds the standard tags of a run: the git state of the experiment file's checkout, software versions,
/// the machine, the user and the checksums of the data files.
/// </summary>
public static class RunTags
{
    public const string GitCommit = "mlflow.source.git.commit";
    public const string GitBranch = "mlflow.source.git.branch";
    public const string GitDirty = "mlflow.source.git.dirty";
    public const string User = "mlflow.user";
    public const string FrameworkVersion = "fmnist.version";
    public const string TorchSharpVersion = "torchsharp.version";
    public const string DotnetVersion = "dotnet.version";
    public const string HostCores = "host.cores";
    public const string TrainingThreads = "training.threads";
    public const string DataChecksumPrefix = "data.md5.";

    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Returns the tags. The git tags are present only when <paramref name="experimentFile"/> lies in a git
    /// checkout and <c>git</c> runs; the branch is absent on a detached HEAD, and <c>mlflow.source.git.dirty</c> is
    /// <c>true</c> when tracked files have uncommitted changes (untracked files do not count).
    /// <paramref name="trainingThreads"/> is the number of threads libtorch uses.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> BuildAsync(
        string? experimentFile,
        IEnumerable<DataFile> dataFiles,
        int trainingThreads,
        CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [User] = Environment.UserName,
            [FrameworkVersion] = InformationalVersion(typeof(RunTags).Assembly),
            [TorchSharpVersion] = InformationalVersion(typeof(TorchSharp.torch).Assembly),
            [DotnetVersion] = RuntimeInformation.FrameworkDescription,
            [HostCores] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
            [TrainingThreads] = trainingThreads.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var file in dataFiles)
            tags[DataChecksumPrefix + Path.GetFileName(file.Path)] = file.Md5;

        if (experimentFile is not null)
            await AddGitTagsAsync(tags, Path.GetDirectoryName(Path.GetFullPath(experimentFile))!, cancellationToken);
        return tags;
    }

    private static async Task AddGitTagsAsync(
        Dictionary<string, string> tags,
        string directory,
        CancellationToken cancellationToken)
    {
        var commit = await RunGitAsync(directory, ["rev-parse", "HEAD"], cancellationToken);
        if (commit is null)
            return;
        tags[GitCommit] = commit.Trim();

        var branch = (await RunGitAsync(directory, ["rev-parse", "--abbrev-ref", "HEAD"], cancellationToken))?.Trim();
        if (!string.IsNullOrEmpty(branch) && branch != "HEAD")
            tags[GitBranch] = branch;

        var status = await RunGitAsync(directory, ["status", "--porcelain", "--untracked-files=no"], cancellationToken);
        if (status is not null)
            tags[GitDirty] = status.Trim().Length > 0 ? "true" : "false";
    }

    /// <summary>Returns git's standard output, or null when git is missing, fails or takes too long.</summary>
    private static async Task<string?> RunGitAsync(
        string directory,
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Reading the state must not take the index lock that a concurrent git command may need.
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(GitTimeout);
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
                var error = process.StandardError.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                await error;
                return process.ExitCode == 0 ? await output : null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
        }
    }

    private static string InformationalVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
