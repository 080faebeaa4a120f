using FashionMnist.Cli;
using FashionMnist.Tests.Data;

namespace FashionMnist.Tests.Cli;

/// <summary><c>fmnist validate</c> on experiment files written by each test.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Validate_PrintsResolvedExperiment()
    {
        var file = _directory.Write("small.yaml", "model:\n  name: mlp\noptimizer:\n  lr: 0.01\n");

        var result = await Fmnist.RunAsync("validate", file, "--set", "training.epochs=3");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("valid", result.Lines[0]);
        Assert.Contains("  hidden_units: 256", result.Lines);
        Assert.Contains("  lr: 0.01", result.Lines);
        Assert.Contains("  epochs: 3", result.Lines);
        Assert.Contains("  eval_batch_size: 1000", result.Lines);
    }

    [Fact]
    public async Task Validate_ReportsEveryProblem()
    {
        var file = _directory.Write("bad.yaml", "model:\n  name: mlpp\ndata:\n  dev_fraction: 2\n");

        var result = await Fmnist.RunAsync("validate", file, "--set", "optimizer.lr=fast");

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("3 problems", result.Lines[0]);
        Assert.Contains(result.Lines, l => l.Contains("model.name", StringComparison.Ordinal)
                                           && l.Contains("did you mean 'mlp'", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.Contains("data.dev_fraction", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.Contains("optimizer.lr", StringComparison.Ordinal)
                                           && l.Contains("fast", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Fact]
    public async Task Validate_MissingFileIsConfigError()
    {
        var result = await Fmnist.RunAsync("validate", _directory.File("absent.yaml"));

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("absent.yaml", result.Output);
    }

    [Fact]
    public async Task Validate_OverrideWithoutEqualsIsConfigError()
    {
        var file = _directory.Write("ok.yaml", "model:\n  name: mlp\n");

        var result = await Fmnist.RunAsync("validate", file, "--set", "optimizer.lr");

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("expected KEY=VALUE", result.Output);
    }

    [Fact]
    public async Task Validate_SetWithoutValueIsConfigError()
    {
        var file = _directory.Write("ok.yaml", "model:\n  name: mlp\n");

        var result = await Fmnist.RunAsync("validate", file, "--set");

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("--set needs a value: KEY=VALUE", result.Output);
        Assert.DoesNotContain("__default_command", result.Output);
    }

    [Theory]
    [InlineData("run", "-s")]
    [InlineData("run", "--run-name")]
    [InlineData("run", "--tracking-uri")]
    [InlineData("run", "--shard")]
    [InlineData("validate", "-s")]
    public async Task OptionWithoutValue_IsConfigError(string command, string option)
    {
        var file = _directory.Write("ok.yaml", "model:\n  name: mlp\n");

        var result = await Fmnist.RunAsync(command, file, option, "--dry-run");

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains($"{option} needs a value", result.Output);
        Assert.DoesNotContain("__default_command", result.Output);
    }

    [Fact]
    public void MissingOptionValue_KnowsEveryValueOption()
    {
        Assert.Null(CliApplication.MissingOptionValue(["run", "x.yaml", "--run-name", "first", "--dry-run"]));
        Assert.NotNull(CliApplication.MissingOptionValue(["run", "--resume"]));
        Assert.NotNull(CliApplication.MissingOptionValue(["evaluate", "runs/x", "-o"]));
        Assert.Null(CliApplication.MissingOptionValue(["run", "x.yaml", "--dry-run"]));
    }
}
