namespace FashionMnist.Tests.Experiments;

public class ExperimentLoaderBindingTests
{
    private const string Full = """
        data:
          format: csv
          dir: /data/fashion
          train: train.csv
          test: test.csv
          dev_fraction: 0.2
          split: stratified
          scale: standardize
          mean: 0.5
          std: 0.25
          verify_checksums: false
          augment:
            crop_padding: 4
            horizontal_flip: true
            random_erasing: 0.5
        model:
          name: blog_cnn
          dropout: 0.5
          channels: 64
          activation: gelu
          hidden: [256, 64]
        optimizer:
          name: sgd
          lr: 0.05
          momentum: 0.9
          nesterov: true
        schedule:
          name: step
          step_size: 5
          gamma: 0.5
          mode: on_plateau
        training:
          epochs: 3
          batch_size: 64
          eval_batch_size: 500
          seed: 12345678901
          threads: 2
          shuffle: false
          label_smoothing: 0.1
          eval_flip: true
          early_stopping: {patience: 3, metric: dev_loss, min_delta: 0.001}
          checkpoint: false
        output:
          dir: out/runs
        tracking:
          uri: http://127.0.0.1:5000
          experiment: fashion
          run_name: first
          tags:
            team: vision
            note: "2024"
        sweep:
          method: random
          count: 4
          seed: 7
          continue_on_failure: false
          parameters:
            optimizer.lr: [0.01, 0.1]
            model.activation: [relu, gelu]
        """;

    [Fact]
    public void Data_BindsEveryKey()
    {
        var data = LoaderAssert.Load(Full).Data;

        Assert.Equal("csv", data.Format);
        Assert.Equal("/data/fashion", data.Dir);
        Assert.Equal("train.csv", data.Train);
        Assert.Equal("test.csv", data.Test);
        Assert.Equal(0.2, data.DevFraction);
        Assert.Equal("stratified", data.Split);
        Assert.Equal("standardize", data.Scale);
        Assert.Equal(0.5, data.Mean);
        Assert.Equal(0.25, data.Std);
        Assert.False(data.VerifyChecksums);
        Assert.Equal(4, data.Augment.CropPadding);
        Assert.True(data.Augment.HorizontalFlip);
        Assert.Equal(0.5, data.Augment.RandomErasing);
    }

    [Fact]
    public void Components_BindNameAndSettings()
    {
        var experiment = LoaderAssert.Load(Full);

        var model = Assert.IsType<CnnSettings>(experiment.Model.Settings);
        Assert.Equal(0.5, model.Dropout);
        Assert.Equal(64, model.Channels);
        Assert.Equal("gelu", model.Activation);
        Assert.Equal([256, 64], model.Hidden);

        Assert.Equal("sgd", experiment.Optimizer.Name);
        Assert.Equal(0.05, experiment.Optimizer.Lr);
        var optimizer = Assert.IsType<SgdSettings>(experiment.Optimizer.Settings);
        Assert.Equal(0.9, optimizer.Momentum);
        Assert.True(optimizer.Nesterov);

        var schedule = Assert.IsType<StepSettings>(experiment.Schedule.Settings);
        Assert.Equal(5, schedule.StepSize);
        Assert.Equal(0.5, schedule.Gamma);
        Assert.Equal(StepMode.OnPlateau, schedule.Mode);
    }

    [Fact]
    public void Training_BindsEveryKey()
    {
        var training = LoaderAssert.Load(Full).Training;

        Assert.Equal(3, training.Epochs);
        Assert.Equal(64, training.BatchSize);
        Assert.Equal(500, training.EvalBatchSize);
        Assert.Equal(12345678901L, training.Seed);
        Assert.Equal(2, training.Threads);
        Assert.False(training.Shuffle);
        Assert.Equal(0.1, training.LabelSmoothing);
        Assert.True(training.EvalFlip);
        Assert.Equal(3, training.EarlyStopping.Patience);
        Assert.Equal("dev_loss", training.EarlyStopping.Metric);
        Assert.Equal(0.001, training.EarlyStopping.MinDelta);
        Assert.False(training.Checkpoint);
    }

    [Fact]
    public void OutputTrackingSweep_BindEveryKey()
    {
        var experiment = LoaderAssert.Load(Full);

        Assert.Equal("out/runs", experiment.Output.Dir);
        Assert.Equal("http://127.0.0.1:5000", experiment.Tracking.Uri);
        Assert.Equal("fashion", experiment.Tracking.Experiment);
        Assert.Equal("first", experiment.Tracking.RunName);
        Assert.Equal("vision", experiment.Tracking.Tags["team"]);
        Assert.Equal("2024", experiment.Tracking.Tags["note"]);

        var sweep = experiment.Sweep!;
        Assert.Equal("random", sweep.Method);
        Assert.Equal(4, sweep.Count);
        Assert.Equal(7, sweep.Seed);
        Assert.False(sweep.ContinueOnFailure);
        Assert.Equal(["optimizer.lr", "model.activation"], sweep.Parameters.Keys);
        Assert.Equal([0.01, 0.1], sweep.Parameters["optimizer.lr"]);
        Assert.Equal(["relu", "gelu"], sweep.Parameters["model.activation"]);
    }

    [Fact]
    public void SweepValues_KeepTheirYamlTypes()
    {
        var sweep = LoaderAssert.Load("sweep:\n  parameters:\n    data.dir: [null, '5', 5, 5.0, true, a]\n").Sweep!;

        Assert.Equal([null, "5", 5L, 5.0, true, "a"], sweep.Parameters["data.dir"]);
    }

    [Fact]
    public void NullableText_AcceptsNull()
    {
        var data = LoaderAssert.Load("data:\n  dir: ~\n  train: null\n  test:\n").Data;

        Assert.Null(data.Dir);
        Assert.Null(data.Train);
        Assert.Null(data.Test);
    }

    [Fact]
    public void QuotedNull_IsText()
    {
        Assert.Equal("null", LoaderAssert.Load("data:\n  dir: 'null'\n").Data.Dir);
    }

    [Fact]
    public void PlainNumber_IsTextForTextSetting()
    {
        Assert.Equal("2024", LoaderAssert.Load("tracking:\n  experiment: 2024\n").Tracking.Experiment);
    }

    [Fact]
    public void IntegerForm_AcceptedForDouble()
    {
        Assert.Equal(1.0, LoaderAssert.Load("optimizer:\n  lr: 1\n").Optimizer.Lr);
    }

    [Fact]
    public void ExponentForm_AcceptedForDouble()
    {
        Assert.Equal(1e-4, LoaderAssert.Load("optimizer:\n  lr: 1e-4\n").Optimizer.Lr);
    }

    [Fact]
    public void Anchors_AreResolved()
    {
        var experiment = LoaderAssert.Load("training:\n  epochs: &n 7\n  batch_size: *n\n");

        Assert.Equal(7, experiment.Training.Epochs);
        Assert.Equal(7, experiment.Training.BatchSize);
    }

    [Fact]
    public void NullSweep_MeansNoSweep()
    {
        Assert.Null(LoaderAssert.Load("sweep: null\n").Sweep);
    }

    [Fact]
    public void SettingsOfNamedComponent_AreBound()
    {
        var experiment = LoaderAssert.Load("model:\n  name: mlp\n  width: 64\n");

        var settings = Assert.IsType<MlpSettings>(experiment.Model.Settings);

        Assert.Equal(64, settings.Width);
        Assert.Equal(0.0, settings.Dropout);
    }
}
