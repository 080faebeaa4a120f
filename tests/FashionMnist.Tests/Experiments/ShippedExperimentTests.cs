using FashionMnist.Experiments;
using FashionMnist.Models;
using FashionMnist.Optimizers;
using FashionMnist.Schedules;
using Microsoft.Extensions.DependencyInjection;

namespace FashionMnist.Tests.Experiments;

public class ShippedExperimentTests
{
    private static LoadedExperiment Load(string name)
    {
        using var services = TestHost.Services();
        var loader = services.GetRequiredService<ExperimentLoader>();
        return loader.Load(Path.Combine(CliProcess.RepositoryRoot, "experiments", name), []);
    }

    [Fact]
    public void Baseline_IsTheBlogExperiment()
    {
        var experiment = Load("baseline.yaml").Experiment;

        Assert.Equal("idx", experiment.Data.Format);
        Assert.Null(experiment.Data.Dir);
        Assert.Equal(0.1, experiment.Data.DevFraction);
        Assert.Equal("file", experiment.Data.Split);
        Assert.Equal("raw", experiment.Data.Scale);
        Assert.False(experiment.Data.Augment.Enabled);

        Assert.Equal("blog_cnn", experiment.Model.Name);
        var model = Assert.IsType<BlogCnn.Settings>(experiment.Model.Settings);
        Assert.Equal((10, 20, 50, 0.5, 0.5), (model.Conv1Channels, model.Conv2Channels, model.Hidden, model.ConvDropout, model.Dropout));

        Assert.Equal("adam", experiment.Optimizer.Name);
        Assert.Equal(0.005, experiment.Optimizer.Lr);
        var adam = Assert.IsType<AdamOptimizer.Settings>(experiment.Optimizer.Settings);
        Assert.Equal((0.9, 0.999, 1e-8, 0.0, false), (adam.Beta1, adam.Beta2, adam.Eps, adam.WeightDecay, adam.Amsgrad));

        Assert.Equal("blog_decay", experiment.Schedule.Name);
        var decay = Assert.IsType<BlogDecaySchedule.Settings>(experiment.Schedule.Settings);
        Assert.Equal(0.8, decay.Factor);
        Assert.True(decay.ResetOptimizer);

        Assert.Equal(20, experiment.Training.Epochs);
        Assert.Equal(32, experiment.Training.BatchSize);
        Assert.False(experiment.Training.Shuffle);
        Assert.Equal(0, experiment.Training.LabelSmoothing);
        Assert.Equal(0, experiment.Training.EarlyStopping.Patience);
        Assert.Null(experiment.Sweep);
    }

    [Fact]
    public void EveryShippedExperiment_Loads()
    {
        var files = Directory.GetFiles(Path.Combine(CliProcess.RepositoryRoot, "experiments"), "*.yaml");

        Assert.NotEmpty(files);
        foreach (var file in files)
            Assert.NotNull(Load(Path.GetFileName(file)).Experiment);
    }
}
