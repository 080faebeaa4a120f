using FashionMnist.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli;

/// <summary>The commands of <c>fmnist</c> and their help texts.</summary>
internal static class CommandLine
{
    /// <summary>Registers every command; help and parse errors are written to <paramref name="console"/>.</summary>
    public static void Configure(IConfigurator config, IAnsiConsole console)
    {
        config.SetApplicationName("fmnist");
        config.ConfigureConsole(console);
        config.Settings.StrictParsing = true;

        config.AddCommand<RunCommand>("run")
            .WithDescription("Train an experiment file and evaluate its best weights on the test set.")
            .WithExample("run", "experiments/baseline.yaml")
            .WithExample("run", "experiments/baseline.yaml", "--set", "optimizer.lr=0.001")
            .WithExample("run", "--resume", "runs/baseline-20261204-120000");

        config.AddCommand<ValidateCommand>("validate")
            .WithDescription("Check an experiment file and print it with every default filled in; train nothing.")
            .WithExample("validate", "experiments/baseline.yaml")
            .WithExample("validate", "experiments/baseline.yaml", "--set", "model.name=mlp");

        config.AddCommand<SyncCommand>("sync")
            .WithDescription("Send local runs, or the parts the MLflow server has not acknowledged, exactly once.")
            .WithExample("sync", "--tracking-uri", "http://127.0.0.1:5000")
            .WithExample("sync", "runs/baseline-20261204-120000");

        config.AddCommand<RunsCommand>("runs")
            .WithDescription("List the local run folders, newest first, with status and accuracies.")
            .WithExample("runs")
            .WithExample("runs", "--dir", "/scratch/fmnist-runs");

        config.AddCommand<CompareCommand>("compare")
            .WithDescription("Compare runs: differing parameters, final metrics and overlaid learning curves.")
            .WithExample("compare", "runs/baseline-20261204-120000", "runs/baseline-20261204-130000")
            .WithExample("compare", "runs/a", "runs/b", "runs/c", "--output", "reports/abc");

        config.AddCommand<EvaluateCommand>("evaluate")
            .WithDescription("Evaluate a run's best weights: accuracy, per-class scores and the confusion matrix.")
            .WithExample("evaluate", "runs/baseline-20261204-120000")
            .WithExample("evaluate", "runs/baseline-20261204-120000", "--split", "dev", "--output", "eval");

        config.AddCommand<PredictCommand>("predict")
            .WithDescription("Classify pictures or Kaggle CSV rows with a run's best weights.")
            .WithExample("predict", "runs/baseline-20261204-120000", "shoe.png")
            .WithExample("predict", "runs/baseline-20261204-120000", "rows.csv", "--top", "5");

        config.AddBranch<GlobalSettings>("data", data =>
        {
            data.SetDescription("Check, convert and download the Fashion-MNIST data files.");

            data.AddCommand<DataVerifyCommand>("verify")
                .WithDescription("Check the four IDX files against the published MD5 checksums.")
                .WithExample("data", "verify")
                .WithExample("data", "verify", "--dir", "/usr/share/datasets/fashion-mnist");

            data.AddCommand<DataConvertCommand>("convert")
                .WithDescription("Convert IDX files to Kaggle CSV (output ending .csv) or CSV to IDX files.")
                .WithExample("data", "convert", "t10k-images-idx3-ubyte.gz", "fashion-mnist_test.csv")
                .WithExample("data", "convert", "fashion-mnist_test.csv", "t10k-images-idx3-ubyte.gz");

            data.AddCommand<DataDownloadCommand>("download")
                .WithDescription("Download the four official .gz files and check their MD5 checksums.")
                .WithExample("data", "download")
                .WithExample("data", "download", "--dir", "/data/fashion-mnist");
        });
    }
}
