using FashionMnist.Experiments;

namespace FashionMnist.Tests.Experiments;

public class ExperimentWriterTests
{
    private const string Busy = """
        data:
          dir: "null"
          train: "123"
          test: 'a: b # c'
          format: csv
          augment: {crop_padding: 3, random_erasing: 0.25}
        model:
          name: mlp
          width: 100
        optimizer:
          name: sgd
          lr: 1
          momentum: 0.9
          nesterov: true
        schedule:
          name: step
          mode: on_plateau
          gamma: 1e-3
        training:
          seed: 9007199254740993
          label_smoothing: 0.1
        tracking:
          experiment: "true"
          tags:
            "yes": "no"
            empty: ""
            git.commit: abc
        sweep:
          method: random
          parameters:
            optimizer.lr: [0.1, 1.0, 2]
            data.dir: [null, "null", "a,b", x]
        """;

    [Fact]
    public void Defaults_RoundTrip()
    {
        var experiment = LoaderAssert.Load("");

        var yaml = ExperimentWriter.ToYaml(experiment);
        var again = LoaderAssert.Load(yaml);

        Assert.Equal(yaml, ExperimentWriter.ToYaml(again));
        Assert.Equal(ExperimentFlattener.Flatten(experiment), ExperimentFlattener.Flatten(again));
    }

    [Fact]
    public void BusyExperiment_RoundTrips()
    {
        var experiment = LoaderAssert.Load(Busy);

        var yaml = ExperimentWriter.ToYaml(experiment);
        var again = LoaderAssert.Load(yaml);

        Assert.Equal(yaml, ExperimentWriter.ToYaml(again));
        Assert.Equal(ExperimentFlattener.Flatten(experiment), ExperimentFlattener.Flatten(again));
        Assert.Equal("null", again.Data.Dir);
        Assert.Equal("123", again.Data.Train);
        Assert.Equal("a: b # c", again.Data.Test);
        Assert.Equal("true", again.Tracking.Experiment);
        Assert.Equal("no", again.Tracking.Tags["yes"]);
        Assert.Equal("", again.Tracking.Tags["empty"]);
        Assert.Equal(9007199254740993L, again.Training.Seed);
        Assert.Equal(StepMode.OnPlateau, again.Schedule.SettingsAs<StepSettings>().Mode);
        Assert.Equal([0.1, 1.0, 2L], again.Sweep!.Parameters["optimizer.lr"]);
        Assert.Equal([null, "null", "a,b", "x"], again.Sweep.Parameters["data.dir"]);
    }

    [Fact]
    public void Output_WritesEveryKeyInOrder()
    {
        var yaml = ExperimentWriter.ToYaml(LoaderAssert.Load("optimizer:\n  lr: 0.5\n"));

        var topLevel = yaml.Split('\n').Where(l => l.Length > 0 && l[0] != ' ').ToList();
        Assert.Equal(
            ["data:", "model:", "optimizer:", "schedule:", "training:", "output:", "tracking:", "sweep: null"],
            topLevel);
        Assert.Contains("optimizer:\n  name: adam\n  lr: 0.5\n  beta1: 0.9\n  beta2: 0.999\n", yaml);
        Assert.Contains("  dir: null\n", yaml);
        Assert.Contains("  random_erasing: 0.0\n", yaml);
        Assert.Contains("  tags: {}\n", yaml);
    }

    [Fact]
    public void Extends_WrittenAsComment()
    {
        var experiment = LoaderAssert.Load("");
        experiment.Extends = "base.yaml";

        var yaml = ExperimentWriter.ToYaml(experiment);

        Assert.StartsWith("# Extends base.yaml;", yaml);
        Assert.Null(LoaderAssert.Load(yaml).Extends);
    }
}
