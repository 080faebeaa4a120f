using FashionMnist.Experiments;

namespace FashionMnist.Tests.Experiments;

public class ExperimentLoaderExtendsTests
{
    [Fact]
    public void Extends_MergesChildOverParent()
    {
        using var directory = new TempDirectory();
        directory.Write("base.yaml", """
            training:
              epochs: 10
              batch_size: 64
            model:
              hidden: [32, 16]
            tracking:
              tags: {team: vision, stage: base}
            """);
        var child = directory.Write("child.yaml", """
            extends: base.yaml
            training:
              epochs: 3
            model:
              hidden: [8]
            tracking:
              tags: {stage: child}
            """);

        var loaded = TestComponents.Loader().Load(child, []);

        var experiment = loaded.Experiment;
        Assert.Equal(3, experiment.Training.Epochs);
        Assert.Equal(64, experiment.Training.BatchSize);
        Assert.Equal([8], experiment.Model.SettingsAs<CnnSettings>().Hidden);
        Assert.Equal("vision", experiment.Tracking.Tags["team"]);
        Assert.Equal("child", experiment.Tracking.Tags["stage"]);
        Assert.Equal("base.yaml", experiment.Extends);
        Assert.Equal(child, loaded.SourcePath);
    }

    [Fact]
    public void Extends_ChainsThroughSeveralFiles()
    {
        using var directory = new TempDirectory();
        directory.Write("a.yaml", "training:\n  epochs: 1\n  batch_size: 1\n  threads: 1\n");
        directory.Write("b.yaml", "extends: a.yaml\ntraining:\n  batch_size: 2\n  threads: 2\n");
        var c = directory.Write("c.yaml", "extends: b.yaml\ntraining:\n  threads: 3\n");

        var training = TestComponents.Loader().Load(c, []).Experiment.Training;

        Assert.Equal(1, training.Epochs);
        Assert.Equal(2, training.BatchSize);
        Assert.Equal(3, training.Threads);
    }

    [Fact]
    public void Extends_IsRelativeToContainingFile()
    {
        using var directory = new TempDirectory();
        directory.Write("shared/common.yaml", "output:\n  dir: shared-runs\n");
        directory.Write("experiments/base.yaml", "extends: ../shared/common.yaml\ntraining:\n  epochs: 4\n");
        var child = directory.Write("experiments/nested/child.yaml", "extends: ../base.yaml\n");

        var experiment = TestComponents.Loader().Load(child, []).Experiment;

        Assert.Equal("shared-runs", experiment.Output.Dir);
        Assert.Equal(4, experiment.Training.Epochs);
    }

    [Fact]
    public void Cycle_IsReportedWithChain()
    {
        using var directory = new TempDirectory();
        var a = directory.Write("a.yaml", "extends: b.yaml\n");
        var b = directory.Write("b.yaml", "training:\n  epochs: 2\nextends: a.yaml\n");

        var error = Assert.Throws<ExperimentValidationException>(() => TestComponents.Loader().Load(a, []));

        var problem = Assert.Single(error.Problems);
        Assert.Equal((3, 10), (problem.Line, problem.Column));
        Assert.Equal("extends", problem.Key);
        Assert.Equal("a.yaml", problem.Value);
        Assert.Equal(b, problem.File);
        var chain = string.Join(" -> ", a, b, a);
        Assert.Equal($"extends forms a cycle: {chain}; remove the extends that closes it", problem.Message);
    }

    [Fact]
    public void SelfExtends_IsCycle()
    {
        using var directory = new TempDirectory();
        var a = directory.Write("a.yaml", "extends: ./a.yaml\n");

        var error = Assert.Throws<ExperimentValidationException>(() => TestComponents.Loader().Load(a, []));

        Assert.StartsWith("extends forms a cycle", Assert.Single(error.Problems).Message);
    }

    [Fact]
    public void MissingParent_PointsAtExtends()
    {
        using var directory = new TempDirectory();
        var child = directory.Write("child.yaml", "training:\n  epochs: 2\nextends: missing.yaml\n");

        var error = Assert.Throws<ExperimentValidationException>(() => TestComponents.Loader().Load(child, []));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(child, problem.File);
        Assert.Equal((3, 10), (problem.Line, problem.Column));
        Assert.Equal("missing.yaml", problem.Value);
        var missing = Path.Combine(directory.Path, "missing.yaml");
        Assert.Equal($"the file {missing} was not found; the path is relative to the directory of {child}",
            problem.Message);
    }

    [Fact]
    public void ExtendsList_IsWrongType()
    {
        var problem = LoaderAssert.Single("extends: [a.yaml, b.yaml]\n");

        Assert.Equal("extends", problem.Key);
        Assert.Equal("expected the path of one experiment file, got a list", problem.Message);
    }

    [Fact]
    public void ProblemInParent_PointsIntoParent()
    {
        using var directory = new TempDirectory();
        var parent = directory.Write("base.yaml", "training:\n  epochs: 2\n  batch_size: big\n");
        var child = RelativeToWorkingDirectory(
            directory.Write("child.yaml", "extends: base.yaml\noptimizer:\n  lr: -1\n"));

        var error = Assert.Throws<ExperimentValidationException>(() => TestComponents.Loader().Load(child, []));

        Assert.Equal(2, error.Problems.Count);
        var inChild = error.Problems[0];
        Assert.Equal((child, 3, "optimizer.lr"), (inChild.File, inChild.Line, inChild.Key));
        var inParent = error.Problems[1];
        Assert.Equal(RelativeToWorkingDirectory(parent), inParent.File);
        Assert.Equal((3, 15), (inParent.Line, inParent.Column));
        Assert.Equal("training.batch_size", inParent.Key);
    }

    [Fact]
    public void SyntaxErrorInParent_NamesParent()
    {
        using var directory = new TempDirectory();
        var parent = directory.Write("base.yaml", "training: [1, 2\n");
        var child = directory.Write("child.yaml", "extends: base.yaml\n");

        var error = Assert.Throws<ExperimentValidationException>(() => TestComponents.Loader().Load(child, []));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(parent, problem.File);
        Assert.StartsWith("invalid YAML", problem.Message);
    }

    [Fact]
    public void ChildChangingComponent_DropsParentSettings()
    {
        using var directory = new TempDirectory();
        directory.Write("base.yaml", "optimizer:\n  name: adam\n  lr: 0.01\n  beta1: 0.8\n");
        var child = directory.Write("child.yaml", "extends: base.yaml\noptimizer:\n  name: sgd\n  momentum: 0.9\n");

        var optimizer = TestComponents.Loader().Load(child, []).Experiment.Optimizer;

        Assert.Equal("sgd", optimizer.Name);
        Assert.Equal(0.01, optimizer.Lr);
        Assert.Equal(0.9, Assert.IsType<SgdSettings>(optimizer.Settings).Momentum);
    }

    [Fact]
    public void ChildKeepingComponent_MergesSettings()
    {
        using var directory = new TempDirectory();
        directory.Write("base.yaml", "model:\n  dropout: 0.5\n  channels: 8\n");
        var child = directory.Write("child.yaml", "extends: base.yaml\nmodel:\n  name: blog_cnn\n  channels: 16\n");

        var settings = TestComponents.Loader().Load(child, []).Experiment.Model.SettingsAs<CnnSettings>();

        Assert.Equal(0.5, settings.Dropout);
        Assert.Equal(16, settings.Channels);
    }

    [Fact]
    public void ChildNull_ReplacesParentValue()
    {
        using var directory = new TempDirectory();
        directory.Write("base.yaml", "data:\n  dir: /data\nsweep:\n  parameters:\n    optimizer.lr: [0.1]\n");
        var child = directory.Write("child.yaml", "extends: base.yaml\ndata:\n  dir: null\nsweep: null\n");

        var experiment = TestComponents.Loader().Load(child, []).Experiment;

        Assert.Null(experiment.Data.Dir);
        Assert.Null(experiment.Sweep);
    }

    [Fact]
    public void ChildEmptySection_KeepsParentSection()
    {
        using var directory = new TempDirectory();
        directory.Write("base.yaml",
            "data:\n  scale: unit\ntracking:\n  tags: {team: vision}\nmodel:\n  channels: 8\n");
        var child = directory.Write("child.yaml",
            "extends: base.yaml\ndata:\n  # dir: /data\ntracking:\n  tags:\nmodel:\n");

        var experiment = TestComponents.Loader().Load(child, []).Experiment;

        Assert.Equal("unit", experiment.Data.Scale);
        Assert.Equal("vision", experiment.Tracking.Tags["team"]);
        Assert.Equal(8, experiment.Model.SettingsAs<CnnSettings>().Channels);
    }

    private static string RelativeToWorkingDirectory(string path) =>
        Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
}
