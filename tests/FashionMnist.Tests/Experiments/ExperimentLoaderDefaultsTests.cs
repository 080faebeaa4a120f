using FashionMnist.Experiments;
using FashionMnist.Hosting;

namespace FashionMnist.Tests.Experiments;

public class ExperimentLoaderDefaultsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("~\n")]
    public void EmptyFile_GivesDefaults(string yaml)
    {
        var experiment = LoaderAssert.Load(yaml);

        Assert.Null(experiment.Extends);
        Assert.Null(experiment.Sweep);
        Assert.Equal(ExperimentWriter.ToYaml(new ExpectedDefaults().Experiment), ExperimentWriter.ToYaml(experiment));
    }

    [Fact]
    public void Data_Defaults()
    {
        var data = LoaderAssert.Load("").Data;

        Assert.Equal("idx", data.Format);
        Assert.Null(data.Dir);
        Assert.Null(data.Train);
        Assert.Null(data.Test);
        Assert.Equal(0.1, data.DevFraction);
        Assert.Equal("file", data.Split);
        Assert.Equal("raw", data.Scale);
        Assert.Equal(0.2860, data.Mean);
        Assert.Equal(0.3530, data.Std);
        Assert.True(data.VerifyChecksums);
        Assert.Equal(0, data.Augment.CropPadding);
        Assert.False(data.Augment.HorizontalFlip);
        Assert.Equal(0.0, data.Augment.RandomErasing);
    }

    [Fact]
    public void Components_DefaultsWithSettings()
    {
        var experiment = LoaderAssert.Load("");

        Assert.Equal("blog_cnn", experiment.Model.Name);
        var model = Assert.IsType<CnnSettings>(experiment.Model.Settings);
        Assert.Equal(0.25, model.Dropout);
        Assert.Equal(32, model.Channels);
        Assert.Equal("relu", model.Activation);
        Assert.Equal([128], model.Hidden);

        Assert.Equal("adam", experiment.Optimizer.Name);
        Assert.Equal(0.001, experiment.Optimizer.Lr);
        var optimizer = Assert.IsType<AdamSettings>(experiment.Optimizer.Settings);
        Assert.Equal(0.9, optimizer.Beta1);
        Assert.Equal(0.999, optimizer.Beta2);

        Assert.Equal("constant", experiment.Schedule.Name);
        Assert.IsType<NoSettings>(experiment.Schedule.Settings);
    }

    [Fact]
    public void Training_Defaults()
    {
        var training = LoaderAssert.Load("").Training;

        Assert.Equal(20, training.Epochs);
        Assert.Equal(32, training.BatchSize);
        Assert.Equal(1000, training.EvalBatchSize);
        Assert.Equal(0, training.Seed);
        Assert.Equal(0, training.Threads);
        Assert.True(training.Shuffle);
        Assert.Equal(0.0, training.LabelSmoothing);
        Assert.True(training.Checkpoint);
        Assert.Equal(0, training.EarlyStopping.Patience);
        Assert.Equal("dev_accuracy", training.EarlyStopping.Metric);
        Assert.Equal(0.0, training.EarlyStopping.MinDelta);
    }

    [Fact]
    public void OutputAndTracking_Defaults()
    {
        var experiment = LoaderAssert.Load("");

        Assert.Equal("runs", experiment.Output.Dir);
        Assert.Null(experiment.Tracking.Uri);
        Assert.Null(experiment.Tracking.Experiment);
        Assert.Null(experiment.Tracking.RunName);
        Assert.Empty(experiment.Tracking.Tags);
    }

    [Fact]
    public void Sweep_DefaultsWhenPresent()
    {
        var sweep = LoaderAssert.Load("sweep:\n  parameters:\n    optimizer.lr: [0.1]\n").Sweep;

        Assert.NotNull(sweep);
        Assert.Equal("grid", sweep.Method);
        Assert.Equal(10, sweep.Count);
        Assert.Equal(0, sweep.Seed);
        Assert.True(sweep.ContinueOnFailure);
    }

    [Fact]
    public void EmptySection_KeepsDefaults()
    {
        var experiment = LoaderAssert.Load("data:\ntraining:\n  early_stopping:\n");

        Assert.Equal("idx", experiment.Data.Format);
        Assert.Equal(0.1, experiment.Data.DevFraction);
        Assert.Equal("dev_accuracy", experiment.Training.EarlyStopping.Metric);
    }

    /// <summary>The defaults the option classes declare, with the test components' default settings attached.</summary>
    private sealed class ExpectedDefaults
    {
        public Experiment Experiment { get; } = new()
        {
            Model = { Settings = new CnnSettings() },
            Optimizer = { Settings = new AdamSettings() },
            Schedule = { Settings = new NoSettings() },
        };
    }
}
