using System.Diagnostics;
using FashionMnist.Data;
using FashionMnist.Tracking;

namespace FashionMnist.Tests.Tracking;

public sealed class RunTagsTests
{
    private static string Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
        return output.Trim();
    }

    private static string CreateCheckout(TemporaryDirectory folder)
    {
        Git(folder.Path, "init", "-q", "-b", "experiments");
        Git(folder.Path, "config", "user.email", "test@example.org");
        Git(folder.Path, "config", "user.name", "Test");
        var file = folder.Combine("baseline.yaml");
        File.WriteAllText(file, "training:\n  epochs: 1\n");
        Git(folder.Path, "add", "baseline.yaml");
        Git(folder.Path, "commit", "-q", "-m", "Add baseline");
        return file;
    }

    [Fact]
    public async Task Build_CleanCheckout_TagsCommitBranchAndClean()
    {
        using var folder = new TemporaryDirectory();
        var file = CreateCheckout(folder);

        var tags = await RunTags.BuildAsync(file, [], 2, default);

        Assert.Equal(Git(folder.Path, "rev-parse", "HEAD"), tags[RunTags.GitCommit]);
        Assert.Equal("experiments", tags[RunTags.GitBranch]);
        Assert.Equal("false", tags[RunTags.GitDirty]);
    }

    [Fact]
    public async Task Build_ChangedTrackedFile_TagsDirty()
    {
        using var folder = new TemporaryDirectory();
        var file = CreateCheckout(folder);
        File.AppendAllText(file, "  seed: 3\n");

        var tags = await RunTags.BuildAsync(file, [], 2, default);

        Assert.Equal("true", tags[RunTags.GitDirty]);
    }

    [Fact]
    public async Task Build_DetachedHead_LeavesBranchOut()
    {
        using var folder = new TemporaryDirectory();
        var file = CreateCheckout(folder);
        Git(folder.Path, "checkout", "-q", "--detach");

        var tags = await RunTags.BuildAsync(file, [], 2, default);

        Assert.True(tags.ContainsKey(RunTags.GitCommit));
        Assert.False(tags.ContainsKey(RunTags.GitBranch));
    }

    [Fact]
    public async Task Build_NotACheckout_NoGitTags()
    {
        using var folder = new TemporaryDirectory();
        var file = folder.Combine("baseline.yaml");
        File.WriteAllText(file, "training: {}\n");

        var tags = await RunTags.BuildAsync(file, [], 2, default);

        Assert.DoesNotContain(tags.Keys, key => key.StartsWith("mlflow.source.git.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_Always_TagsVersionsMachineUserAndChecksums()
    {
        DataFile[] files =
        [
            new("/data/train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d", true),
            new("/data/t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310", true),
        ];

        var tags = await RunTags.BuildAsync(null, files, 3, default);

        Assert.Equal("8d4fb7e6c68d591d4c3dfef9ec88bf0d", tags["data.md5.train-images-idx3-ubyte.gz"]);
        Assert.Equal("bb300cfdad3c16e7a12a480ee83cd310", tags["data.md5.t10k-labels-idx1-ubyte.gz"]);
        Assert.StartsWith("0.1.0", tags[RunTags.FrameworkVersion]);
        Assert.StartsWith("0.107.0", tags[RunTags.TorchSharpVersion]);
        Assert.StartsWith(".NET 10", tags[RunTags.DotnetVersion]);
        Assert.Equal(Environment.ProcessorCount.ToString(), tags[RunTags.HostCores]);
        Assert.Equal("3", tags[RunTags.TrainingThreads]);
        Assert.Equal(Environment.UserName, tags[RunTags.User]);
    }
}
