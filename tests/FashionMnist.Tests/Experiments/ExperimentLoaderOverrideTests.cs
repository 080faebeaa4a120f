using FashionMnist.Experiments;

namespace FashionMnist.Tests.Experiments;

public class ExperimentLoaderOverrideTests
{
    [Fact]
    public void Overrides_ParseYamlTypes()
    {
        var experiment = LoaderAssert.Load(
            "",
            "training.epochs=3",
            "optimizer.lr=1e-4",
            "training.shuffle=false",
            "data.dir=/data/fashion mnist",
            "model.hidden=[64, 32]",
            "data.augment={crop_padding: 2, horizontal_flip: true}",
            "tracking.uri=http://127.0.0.1:5000");

        Assert.Equal(3, experiment.Training.Epochs);
        Assert.Equal(1e-4, experiment.Optimizer.Lr);
        Assert.False(experiment.Training.Shuffle);
        Assert.Equal("/data/fashion mnist", experiment.Data.Dir);
        Assert.Equal([64, 32], experiment.Model.SettingsAs<CnnSettings>().Hidden);
        Assert.Equal(2, experiment.Data.Augment.CropPadding);
        Assert.True(experiment.Data.Augment.HorizontalFlip);
        Assert.Equal("http://127.0.0.1:5000", experiment.Tracking.Uri);
    }

    [Fact]
    public void Override_WinsOverFile()
    {
        var experiment = LoaderAssert.Load("training:\n  epochs: 5\n  batch_size: 16\n", " training.epochs = 7 ");

        Assert.Equal(7, experiment.Training.Epochs);
        Assert.Equal(16, experiment.Training.BatchSize);
    }

    [Fact]
    public void LaterOverride_WinsOverEarlier()
    {
        Assert.Equal(9, LoaderAssert.Load("", "training.epochs=8", "training.epochs=9").Training.Epochs);
    }

    [Fact]
    public void Override_AppliesAfterExtends()
    {
        using var directory = new TempDirectory();
        directory.Write("base.yaml", "training:\n  epochs: 4\n");
        var child = directory.Write("child.yaml", "extends: base.yaml\ntraining:\n  epochs: 5\n");

        var loaded = TestComponents.Loader().Load(child, ["training.epochs=6"]);

        Assert.Equal(6, loaded.Experiment.Training.Epochs);
        Assert.Equal(["training.epochs=6"], loaded.Overrides);
    }

    [Fact]
    public void EmptyValue_SetsNull()
    {
        Assert.Null(LoaderAssert.Load("data:\n  dir: /data\n", "data.dir=").Data.Dir);
    }

    [Fact]
    public void DictionaryKey_KeepsDots()
    {
        var tags = LoaderAssert.Load("", "tracking.tags.git.commit=abc123").Tracking.Tags;

        Assert.Equal("abc123", tags["git.commit"]);
    }

    [Fact]
    public void UnknownKey_SuggestsDottedKey()
    {
        var problem = LoaderAssert.Single("", "optimizer.lrr=0.1");

        Assert.Equal("--set", problem.File);
        Assert.Equal(0, problem.Line);
        Assert.Equal("optimizer.lrr", problem.Key);
        Assert.Equal("0.1", problem.Value);
        Assert.Equal("optimizer.lr", problem.Suggestion);
        Assert.Equal("--set: optimizer.lrr: unknown key; did you mean 'optimizer.lr'?", problem.ToString());
    }

    [Fact]
    public void KeyBelowValue_IsUnknown()
    {
        var problem = LoaderAssert.Single("", "training.epochs.max=3");

        Assert.Equal("training.epochs.max", problem.Key);
        Assert.Equal("unknown key", problem.Message);
    }

    [Fact]
    public void WrongType_ReportedAtSet()
    {
        var problem = LoaderAssert.Single("training:\n  epochs: 3\n", "training.epochs=many");

        Assert.Equal("--set", problem.File);
        Assert.Equal("training.epochs", problem.Key);
        Assert.Equal("expected a whole number, got 'many'", problem.Message);
    }

    [Fact]
    public void OutOfRange_ReportedAtSet()
    {
        var problem = LoaderAssert.Single("", "data.augment.crop_padding=9");

        Assert.Equal(("--set", "data.augment.crop_padding"), (problem.File, problem.Key));
        Assert.Equal("9 is out of range; must be from 0 to 8", problem.Message);
    }

    [Fact]
    public void MissingEquals_IsReported()
    {
        var problem = LoaderAssert.Single("", "optimizer.lr");

        Assert.Equal("optimizer.lr", problem.Value);
        Assert.StartsWith("'optimizer.lr' is not key=value", problem.Message);
    }

    [Fact]
    public void ExtendsOverride_IsRejected()
    {
        var problem = LoaderAssert.Single("", "extends=base.yaml");

        Assert.Equal("extends", problem.Key);
        Assert.Equal("extends can only be set in a file, not with --set", problem.Message);
    }

    [Fact]
    public void InvalidYamlValue_IsReported()
    {
        var problem = LoaderAssert.Single("", "model.hidden=[1, 2");

        Assert.Equal(("--set", "model.hidden"), (problem.File, problem.Key));
        Assert.StartsWith("invalid YAML", problem.Message);
    }

    [Fact]
    public void ModelName_SwitchesSettingsType()
    {
        var experiment = LoaderAssert.Load(
            "model:\n  name: blog_cnn\n  channels: 8\n", "model.name=mlp", "model.width=64");

        Assert.Equal("mlp", experiment.Model.Name);
        Assert.Equal(64, Assert.IsType<MlpSettings>(experiment.Model.Settings).Width);
    }

    [Fact]
    public void ModelSwitch_AcceptsNewKeysBeforeName()
    {
        var experiment = LoaderAssert.Load("", "model.width=64", "model.name=mlp");

        Assert.Equal(64, Assert.IsType<MlpSettings>(experiment.Model.Settings).Width);
    }

    [Fact]
    public void ModelSwitch_RejectsOldComponentKeys()
    {
        var problem = LoaderAssert.Single("", "model.name=mlp", "model.channels=8");

        Assert.Equal(("--set", "model.channels"), (problem.File, problem.Key));
        Assert.Equal("unknown key", problem.Message);
    }

    [Fact]
    public void UnknownComponentOverride_ReportsOnlyName()
    {
        var problem = LoaderAssert.Single("", "optimizer.name=lion", "optimizer.beta3=0.5");

        Assert.Equal(("--set", "optimizer.name"), (problem.File, problem.Key));
        Assert.Equal("unknown optimizer 'lion'; registered names: adam, sgd", problem.Message);
    }

    [Fact]
    public void SectionMappingOverride_SwitchesComponent()
    {
        var optimizer = LoaderAssert.Load("", "optimizer={name: sgd, momentum: 0.5}").Optimizer;

        Assert.Equal(0.5, Assert.IsType<SgdSettings>(optimizer.Settings).Momentum);
        Assert.Equal(0.001, optimizer.Lr);
    }
}
