using FashionMnist.Cli.Commands;
using Spectre.Console.Cli;

namespace FashionMnist.Cli;

/// <summary>The commands of <c>fmnist</c> and their help texts.</summary>
internal static class CommandLine
{
    public static void Configure(IConfigurator config)
    {
        config.SetApplicationName("fmnist");
        config.Settings.StrictParsing = true;

        config.AddCommand<RunCommand>("run")
            .WithDescription("Train an experiment file and evaluate its best weights on the test set.")
            .WithExample("run", "experiments/baseline.yaml")
            .WithExample("run", "experiments/baseline.yaml", "--set", "optimizer.lr=0.001")
            .WithExample("run", "--resume", "runs/baseline-20261204-120000");
    }
}
