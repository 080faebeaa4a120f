using System.Globalization;
using System.Text.Json;
using FashionMnist.Cli;
using FashionMnist.Data;
using FashionMnist.Tests.Data;

namespace FashionMnist.Tests.Cli;

/// <summary>The commands that read run folders, on two runs trained once by <see cref="TrainedRunFixture"/>.</summary>
public sealed class TrainedRunTests(TrainedRunFixture fixture) : IClassFixture<TrainedRunFixture>
{
    [Fact]
    public async Task Runs_ListsTrainedRunsNewestFirst()
    {
        var result = await Fmnist.RunAsync("runs", "--dir", fixture.RunsDirectory);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        // Runs started in the same second get ids "x" and "x-2", so an id is matched with the space after it.
        var first = Path.GetFileName(fixture.FirstRun) + " ";
        var second = Path.GetFileName(fixture.SecondRun) + " ";
        Assert.Contains(second, result.Output);
        Assert.True(result.Output.IndexOf(second, StringComparison.Ordinal)
            < result.Output.IndexOf(first, StringComparison.Ordinal), result.ToString());
        var firstLine = result.Lines.Single(l => l.Contains(first, StringComparison.Ordinal));
        Assert.Contains("finished", firstLine);
        Assert.Contains("cli-tiny", firstLine);
        Assert.Contains(FinalValue(fixture.FirstRun, "test_accuracy").ToString("F4", CultureInfo.InvariantCulture),
            firstLine);
    }

    [Fact]
    public async Task Compare_ShowsDifferingLearningRate()
    {
        var output = fixture.File("comparison-" + Guid.NewGuid().ToString("N"));

        var result = await Fmnist.RunAsync("compare", fixture.FirstRun, fixture.SecondRun, "--output", output);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lrLine = result.Lines.Single(l => l.Contains("│ optimizer.lr ", StringComparison.Ordinal));
        Assert.Contains("0.01", lrLine);
        Assert.Contains("0.002", lrLine);
        Assert.DoesNotContain(result.Lines, l => l.Contains("model.hidden_units", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.Contains("test accuracy", StringComparison.Ordinal));

        var markdown = File.ReadAllText(Path.Combine(output, "comparison.md"));
        Assert.Contains("| optimizer.lr |", markdown);
        Assert.Contains("](learning_curves.png)", markdown);
        var png = File.ReadAllBytes(Path.Combine(output, "learning_curves.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task Compare_MissingRunIsConfigError()
    {
        var result = await Fmnist.RunAsync("compare", fixture.FirstRun, fixture.File("no-such-run"),
            "--output", fixture.File("unused"));

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("no-such-run", result.Output);
    }

    [Fact]
    public async Task Evaluate_TestAccuracyMatchesRun()
    {
        var result = await Fmnist.RunAsync("evaluate", fixture.FirstRun);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var expected = FinalValue(fixture.FirstRun, "test_accuracy").ToString("F4", CultureInfo.InvariantCulture);
        Assert.Contains($"accuracy {expected}", result.Output);
        Assert.Contains("100 images", result.Output);
        Assert.Contains("Ankle boot", result.Output);
        Assert.Contains("macro avg", result.Output);
        Assert.Contains("true \\ predicted", result.Output);
    }

    [Fact]
    public async Task Evaluate_OutputWritesReportFiles()
    {
        var output = fixture.File("evaluation-" + Guid.NewGuid().ToString("N"));

        var result = await Fmnist.RunAsync("evaluate", fixture.FirstRun, "--split", "dev", "--output", output);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("dev split, 60 images", result.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "classification_report.json")));
        Assert.Equal(60, json.RootElement.GetProperty("count").GetInt32());
        Assert.True(File.Exists(Path.Combine(output, "classification_report.csv")));
        Assert.True(File.Exists(Path.Combine(output, "confusion_matrix.csv")));
        Assert.True(new FileInfo(Path.Combine(output, "confusion_matrix.png")).Length > 0);
    }

    [Fact]
    public async Task Evaluate_NonDataOverrideIsConfigError()
    {
        var result = await Fmnist.RunAsync("evaluate", fixture.FirstRun, "--set", "model.hidden_units=8");

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("only data.* keys", result.Output);
    }

    [Fact]
    public async Task Evaluate_MissingDataIsDataError()
    {
        var empty = fixture.File("empty-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);

        var result = await Fmnist.RunAsync("evaluate", fixture.FirstRun, "--set", $"data.dir={empty}");

        Assert.Equal(ExitCodes.DataError, result.ExitCode);
        Assert.Contains(empty, result.Output);
    }

    [Fact]
    public async Task Evaluate_NotRunFolderIsConfigError()
    {
        var folder = fixture.File("not-a-run-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);

        var result = await Fmnist.RunAsync("evaluate", folder);

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("no experiment.yaml", result.Output);
    }

    [Fact]
    public async Task Predict_CsvRowsWithLabels()
    {
        var csv = fixture.File("rows-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(csv, TestImages.CsvHeader + "\n" + TestImages.CsvLine(fixture.TestSet, 0) + "\n"
                               + TestImages.CsvLine(fixture.TestSet, 3) + "\n");

        var result = await Fmnist.RunAsync("predict", fixture.FirstRun, csv);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var first = result.Lines.Single(l => l.StartsWith(csv + ":2:", StringComparison.Ordinal));
        Assert.Contains("true: T-shirt/top", first);
        var fourth = result.Lines.Single(l => l.StartsWith(csv + ":3:", StringComparison.Ordinal));
        Assert.Contains("true: Dress", fourth);
        Assert.Equal(2, result.Lines.Count(l => l.StartsWith("  top 3: ", StringComparison.Ordinal)));
        Assert.Contains("labelled inputs:", result.Output);
    }

    [Fact]
    public async Task Predict_ProbabilitiesSumToOne()
    {
        var row = string.Join(',', TestImages.CsvFields(fixture.TestSet, 5).Skip(1));

        var result = await Fmnist.RunAsync("predict", fixture.FirstRun, "--row", row, "--top", "5");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("--row 1: ", result.Lines[0]);
        Assert.DoesNotContain("true:", result.Lines[0]);
        var top = result.Lines.Single(l => l.StartsWith("  top 5: ", StringComparison.Ordinal));
        Assert.Equal(5, top.Split(", ").Length);
        var all = result.Lines.Single(l => l.StartsWith("  probabilities: ", StringComparison.Ordinal));
        var values = all["  probabilities: ".Length..].Split(", ")
            .Select(item => double.Parse(item[(item.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .ToList();
        Assert.Equal(ImageSet.ClassCount, values.Count);
        Assert.InRange(values.Sum(), 0.998, 1.002);
    }

    [Fact]
    public async Task Predict_PngInput()
    {
        var png = CliData.WritePng(fixture.File("band-" + Guid.NewGuid().ToString("N") + ".png"), label: 7);

        var result = await Fmnist.RunAsync("predict", fixture.FirstRun, png);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith(png + ": ", result.Lines[0]);
        Assert.Contains(result.Lines, l => l.StartsWith("  probabilities: T-shirt/top ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Predict_MissingFileIsDataError()
    {
        var result = await Fmnist.RunAsync("predict", fixture.FirstRun, fixture.File("missing.png"));

        Assert.Equal(ExitCodes.DataError, result.ExitCode);
        Assert.Contains("missing.png", result.Output);
    }

    private static double FinalValue(string runFolder, string key)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(runFolder, "final.json")));
        return json.RootElement.GetProperty(key).GetDouble();
    }
}
