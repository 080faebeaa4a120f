using System.ComponentModel;
using System.Reflection;
using FashionMnist.Cli;
using FashionMnist.Cli.Commands;
using Spectre.Console.Cli;

namespace FashionMnist.Tests.Cli;

/// <summary>The help texts of <c>fmnist</c> and the exit codes of command lines it cannot parse.</summary>
public sealed class HelpTests
{
    public static TheoryData<string, Type> Commands => new()
    {
        { "run", typeof(RunSettings) },
        { "validate", typeof(ValidateSettings) },
        { "runs", typeof(RunsSettings) },
        { "compare", typeof(CompareSettings) },
        { "evaluate", typeof(EvaluateSettings) },
        { "predict", typeof(PredictSettings) },
        { "data verify", typeof(DataVerifySettings) },
        { "data convert", typeof(DataConvertSettings) },
        { "data download", typeof(DataDownloadSettings) },
    };

    [Fact]
    public async Task RootHelp_ListsEveryCommand()
    {
        var result = await Fmnist.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var command in new[] { "run", "validate", "runs", "compare", "evaluate", "predict", "data" })
            Assert.Contains(result.Lines, l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DataHelp_ListsSubcommands()
    {
        var result = await Fmnist.RunAsync("data", "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var command in new[] { "verify", "convert", "download" })
            Assert.Contains(result.Lines, l => l.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task CommandHelp_ListsOptionsWithDefaults(string command, Type settings)
    {
        var result = await Fmnist.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("EXAMPLES:", result.Output);
        // The global options are listed by the branch's help for data commands, so they are checked apart.
        var declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var property in settings.GetProperties(declared))
        {
            var option = property.GetCustomAttribute<CommandOptionAttribute>();
            if (option is null)
                continue;
            var longName = "--" + option.LongNames[0];
            Assert.Contains(longName, result.Output);
            var description = property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "";
            Assert.True(description.Contains("Default", StringComparison.Ordinal),
                $"{command} {longName}: the help does not state the default: '{description}'");
        }
    }

    [Theory]
    [InlineData("runs")]
    [InlineData("data")]
    public async Task CommandHelp_ListsGlobalOptions(string command)
    {
        var result = await Fmnist.RunAsync(command, "--help");

        Assert.Contains(result.Lines, l => l.Contains("--quiet", StringComparison.Ordinal)
                                           && l.Contains("Default: off", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.Contains("--verbose", StringComparison.Ordinal)
                                           && l.Contains("Default: off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownCommand_IsConfigError()
    {
        var result = await Fmnist.RunAsync("trian", "x.yaml");

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
    }

    [Fact]
    public async Task UnknownOption_IsConfigError()
    {
        var result = await Fmnist.RunAsync("runs", "--colour");

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("colour", result.Output);
    }
}
