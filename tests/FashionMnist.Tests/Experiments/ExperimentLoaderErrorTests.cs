using FashionMnist.Experiments;
using FashionMnist.Hosting;
using FashionMnist.Models;
using FashionMnist.Optimizers;
using FashionMnist.Schedules;

namespace FashionMnist.Tests.Experiments;

public class ExperimentLoaderErrorTests
{
    [Fact]
    public void UnknownKey_SuggestsClosest()
    {
        var problem = LoaderAssert.Single("training:\n  epochs: 2\noptimizer:\n  lrr: 0.1\n");

        Assert.Equal("test.yaml", problem.File);
        Assert.Equal(4, problem.Line);
        Assert.Equal(3, problem.Column);
        Assert.Equal("optimizer.lrr", problem.Key);
        Assert.Equal("lrr", problem.Value);
        Assert.Equal("lr", problem.Suggestion);
        Assert.Equal("test.yaml:4:3: optimizer.lrr: unknown key; did you mean 'lr'?", problem.ToString());
    }

    [Fact]
    public void UnknownKey_WithoutCloseMatch_ListsKeys()
    {
        var problem = LoaderAssert.Single("output:\n  folder_for_runs: x\n");

        Assert.Null(problem.Suggestion);
        Assert.Equal("unknown key; valid keys in output: dir", problem.Message);
    }

    [Fact]
    public void UnknownSection_SuggestsSection()
    {
        var problem = LoaderAssert.Single("trainig:\n  epochs: 2\n");

        Assert.Equal("trainig", problem.Key);
        Assert.Equal("training", problem.Suggestion);
        Assert.Equal((1, 1), (problem.Line, problem.Column));
    }

    [Fact]
    public void UnknownSettingsKey_NamesComponent()
    {
        var problem = LoaderAssert.Single("model:\n  name: mlp\n  zzzzzzzz: 1\n");

        Assert.Equal("model.zzzzzzzz", problem.Key);
        Assert.Equal("unknown key; model 'mlp' accepts: name, width, dropout", problem.Message);
    }

    [Fact]
    public void UnknownSettingsKey_SuggestsSetting()
    {
        var problem = LoaderAssert.Single("model:\n  dropot: 0.1\n");

        Assert.Equal("model.dropot", problem.Key);
        Assert.Equal("dropout", problem.Suggestion);
    }

    [Fact]
    public void TextForNumber_IsWrongType()
    {
        var problem = LoaderAssert.Single("training:\n  epochs: ten\n");

        Assert.Equal((2, 11), (problem.Line, problem.Column));
        Assert.Equal("training.epochs", problem.Key);
        Assert.Equal("ten", problem.Value);
        Assert.Equal("expected a whole number, got 'ten'", problem.Message);
    }

    [Fact]
    public void FractionForWholeNumber_IsWrongType()
    {
        var problem = LoaderAssert.Single("training:\n  batch_size: 2.5\n");

        Assert.Equal("expected a whole number, got '2.5'", problem.Message);
    }

    [Fact]
    public void ListForScalar_IsWrongType()
    {
        var problem = LoaderAssert.Single("optimizer:\n  lr: [0.1, 0.2]\n");

        Assert.Equal((2, 7), (problem.Line, problem.Column));
        Assert.Equal("optimizer.lr", problem.Key);
        Assert.Null(problem.Value);
        Assert.Equal("expected a number, got a list", problem.Message);
    }

    [Fact]
    public void MappingForScalar_IsWrongType()
    {
        var problem = LoaderAssert.Single("data:\n  format:\n    kind: csv\n");

        Assert.Equal("data.format", problem.Key);
        Assert.Equal("expected text, got a mapping", problem.Message);
    }

    [Fact]
    public void ScalarForSection_IsWrongType()
    {
        var problem = LoaderAssert.Single("training: fast\n");

        Assert.Equal("training", problem.Key);
        Assert.Equal("fast", problem.Value);
        Assert.Equal("expected a mapping of keys under 'training:', got 'fast'", problem.Message);
    }

    [Fact]
    public void ScalarForComponent_IsWrongType()
    {
        var problem = LoaderAssert.Single("model: mlp\n");

        Assert.Equal("model", problem.Key);
        Assert.StartsWith("expected a mapping with a name and settings", problem.Message);
    }

    [Fact]
    public void QuotedNumber_SuggestsRemovingQuotes()
    {
        var problem = LoaderAssert.Single("training:\n  epochs: \"5\"\n");

        Assert.Equal("5", problem.Value);
        Assert.Equal("expected a whole number, got the quoted text \"5\"; remove the quotes", problem.Message);
    }

    [Fact]
    public void YesForBool_IsWrongType()
    {
        var problem = LoaderAssert.Single("training:\n  shuffle: yes\n");

        Assert.Equal("expected true or false, got 'yes'", problem.Message);
    }

    [Fact]
    public void NullForNumber_IsWrongType()
    {
        var problem = LoaderAssert.Single("training:\n  epochs:\n");

        Assert.Equal("expected a whole number, got nothing (null)", problem.Message);
    }

    [Fact]
    public void NullForRequiredText_IsWrongType()
    {
        var problem = LoaderAssert.Single("output:\n  dir: ~\n");

        Assert.Equal("expected text, got nothing (null)", problem.Message);
    }

    [Fact]
    public void OutOfRange_StatesRange()
    {
        var problem = LoaderAssert.Single("data:\n  dev_fraction: 1.5\n");

        Assert.Equal((2, 17), (problem.Line, problem.Column));
        Assert.Equal("data.dev_fraction", problem.Key);
        Assert.Equal("1.5", problem.Value);
        Assert.Equal("1.5 is out of range; must be from 0 to 0.99", problem.Message);
    }

    [Fact]
    public void OpenEndedRange_StatesLowerBound()
    {
        var problem = LoaderAssert.Single("training:\n  seed: -1\n");

        Assert.Equal("-1 is out of range; must be at least 0", problem.Message);
    }

    [Fact]
    public void ExclusiveBound_IsStated()
    {
        var problem = LoaderAssert.Single("schedule:\n  name: step\n  gamma: 0\n");

        Assert.Equal("schedule.gamma", problem.Key);
        Assert.Equal("0 is out of range; must be greater than 0 and at most 1", problem.Message);
    }

    [Fact]
    public void IntegerOverflow_StatesRange()
    {
        var problem = LoaderAssert.Single("training:\n  epochs: 99999999999999999999\n");

        Assert.Equal("99999999999999999999 is out of range; must be from 1 to 100000", problem.Message);
    }

    [Fact]
    public void RangeOnList_ChecksEachItem()
    {
        var problem = LoaderAssert.Single("model:\n  hidden: [64, 0]\n");

        Assert.Equal("model.hidden[1]", problem.Key);
        Assert.Equal((2, 16), (problem.Line, problem.Column));
        Assert.Equal("0 is out of range; must be from 1 to 1024", problem.Message);
    }

    [Fact]
    public void InfiniteNumber_IsRejected()
    {
        var problem = LoaderAssert.Single("training:\n  early_stopping:\n    min_delta: .inf\n");

        Assert.Equal("expected a finite number", problem.Message);
    }

    [Fact]
    public void ValueNotAllowed_ListsAllowedAndSuggests()
    {
        var problem = LoaderAssert.Single("data:\n  format: cvs\n");

        Assert.Equal((2, 11), (problem.Line, problem.Column));
        Assert.Equal("data.format", problem.Key);
        Assert.Equal("cvs", problem.Value);
        Assert.Equal("'cvs' is not allowed; allowed values: idx, csv", problem.Message);
        Assert.Equal("csv", problem.Suggestion);
    }

    [Fact]
    public void EnumValueNotAllowed_ListsSnakeCaseNames()
    {
        var problem = LoaderAssert.Single("schedule:\n  name: step\n  mode: on_platau\n");

        Assert.Equal("'on_platau' is not allowed; allowed values: fixed, on_plateau", problem.Message);
        Assert.Equal("on_plateau", problem.Suggestion);
    }

    [Fact]
    public void DuplicateKey_PointsAtSecond()
    {
        var problem = LoaderAssert.Single("training:\n  epochs: 2\n  epochs: 3\n");

        Assert.Equal((3, 3), (problem.Line, problem.Column));
        Assert.Equal("training.epochs", problem.Key);
        Assert.Equal("duplicate key; it is first set at line 2, column 3; remove one of them", problem.Message);
    }

    [Fact]
    public void SyntaxError_HasYamlPosition()
    {
        var problem = LoaderAssert.Single("training:\n  epochs: 2\n batch_size: 3\n");

        Assert.Equal("test.yaml", problem.File);
        Assert.Equal(3, problem.Line);
        Assert.True(problem.Column > 0);
        Assert.StartsWith("invalid YAML: ", problem.Message);
    }

    [Fact]
    public void TabIndentation_IsReportedAtTheTab()
    {
        var problem = LoaderAssert.Single("training:\n  epochs: 2\n\tbatch_size: 3\n");

        Assert.Equal(3, problem.Line);
        Assert.Equal(1, problem.Column);
        Assert.Contains("tab in the indentation", problem.Message);
        Assert.Contains("Replace the tab with spaces", problem.Message);
    }

    [Fact]
    public void TabIndentation_SkipsTabsInBlockScalars()
    {
        var problem = LoaderAssert.Single(
            "tracking:\n  tags:\n    note: |\n      a\n      \tb\ntraining:\n  epochs: 2\n\tbatch_size: 3\n");

        Assert.Equal(8, problem.Line);
        Assert.Equal(1, problem.Column);
        Assert.Contains("tab in the indentation", problem.Message);
    }

    [Fact]
    public void UnclosedFlowList_IsSyntaxError()
    {
        var problem = LoaderAssert.Single("model:\n  hidden: [1, 2\n");

        Assert.StartsWith("invalid YAML: ", problem.Message);
        Assert.True(problem.Line >= 2);
    }

    [Fact]
    public void ListAtRoot_IsNotMapping()
    {
        var problem = LoaderAssert.Single("- data\n- model\n");

        Assert.Equal((1, 1), (problem.Line, problem.Column));
        Assert.Equal("", problem.Key);
        Assert.Equal(
            "the file must be a mapping of sections such as 'data:' and 'training:', but it is a list",
            problem.Message);
        Assert.Equal("test.yaml:1:1: " + problem.Message, problem.ToString());
    }

    [Fact]
    public void ScalarAtRoot_IsNotMapping()
    {
        var problem = LoaderAssert.Single("baseline\n");

        Assert.EndsWith("but it is 'baseline'", problem.Message);
    }

    [Fact]
    public void SecondDocument_IsReported()
    {
        var problem = LoaderAssert.Single("training:\n  epochs: 2\n---\ntraining:\n  epochs: 3\n");

        Assert.Equal(3, problem.Line);
        Assert.Contains("more than one YAML document", problem.Message);
    }

    [Fact]
    public void MissingFile_NamesPathAndFix()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "nope.yaml");

        var error = Assert.Throws<ExperimentValidationException>(() => TestComponents.Loader().Load(path, []));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(path, problem.File);
        Assert.Equal(0, problem.Line);
        Assert.Contains($"experiment file not found (looked for {path})", problem.Message);
        Assert.Contains("check the path", problem.Message);
        Assert.StartsWith($"{path}: experiment file not found", error.Message);
    }

    [Fact]
    public void DirectoryForFile_IsReported()
    {
        using var directory = new TempDirectory();

        var error = Assert.Throws<ExperimentValidationException>(
            () => TestComponents.Loader().Load(directory.Path, []));

        Assert.StartsWith("is a directory", Assert.Single(error.Problems).Message);
    }

    [Fact]
    public void UnknownComponent_ListsRegisteredAndSuggests()
    {
        var problem = LoaderAssert.Single("optimizer:\n  name: adm\n  lr: 0.1\n");

        Assert.Equal((2, 9), (problem.Line, problem.Column));
        Assert.Equal("optimizer.name", problem.Key);
        Assert.Equal("adm", problem.Value);
        Assert.Equal("unknown optimizer 'adm'; registered names: adam, sgd", problem.Message);
        Assert.Equal("adam", problem.Suggestion);
    }

    [Fact]
    public void UnknownComponent_SkipsItsSettings()
    {
        var problem = LoaderAssert.Single("model:\n  name: resnet\n  depth: 50\n");

        Assert.Equal("model.name", problem.Key);
        Assert.Null(problem.Suggestion);
    }

    [Fact]
    public void UnregisteredDefault_AsksForName()
    {
        var loader = new ExperimentLoader(
            new ComponentCatalog<IModelArchitecture>([new FakeMlp()], "model"),
            new ComponentCatalog<IOptimizerFactory>([new FakeAdam()], "optimizer"),
            new ComponentCatalog<IScheduleFactory>([new FakeConstant()], "schedule"));

        var error = Assert.Throws<ExperimentValidationException>(() => loader.LoadText("", "empty.yaml", []));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("model.name", problem.Key);
        Assert.Equal("the default model 'blog_cnn' is not registered; set model.name; registered names: mlp",
            problem.Message);
    }

    [Fact]
    public void TrainWithoutTest_IsReported()
    {
        var problem = LoaderAssert.Single("data:\n  train: a.csv\n");

        Assert.Equal((2, 10), (problem.Line, problem.Column));
        Assert.Equal("data.train", problem.Key);
        Assert.Equal("a.csv", problem.Value);
        Assert.StartsWith("data.test is not set", problem.Message);
    }

    [Fact]
    public void TestWithoutTrain_IsReported()
    {
        var problem = LoaderAssert.Single("data:\n  test: b.csv\n");

        Assert.Equal("data.test", problem.Key);
        Assert.StartsWith("data.train is not set", problem.Message);
    }

    [Fact]
    public void EarlyStoppingWithoutDevSet_IsReported()
    {
        var problem = LoaderAssert.Single("data:\n  dev_fraction: 0\ntraining:\n  early_stopping:\n    patience: 3\n");

        Assert.Equal((5, 15), (problem.Line, problem.Column));
        Assert.Equal("training.early_stopping.patience", problem.Key);
        Assert.Contains("no dev set", problem.Message);
    }

    [Fact]
    public void SeveralProblems_ReportedTogetherInLineOrder()
    {
        const string yaml = """
            training:
              epochs: ten
              batch_size: 0
            data:
              format: cvs
            optimizer:
              lrr: 0.1
            """;

        var error = Assert.Throws<ExperimentValidationException>(
            () => TestComponents.Loader().LoadText(yaml, "x.yaml", ["training.epochz=3"]));

        Assert.Equal(["training.epochs", "training.batch_size", "data.format", "optimizer.lrr", "training.epochz"],
            error.Problems.Select(p => p.Key));
        Assert.Equal([2, 3, 5, 7, 0], error.Problems.Select(p => p.Line));
        Assert.Equal(error.Problems.Select(p => p.ToString()), error.Message.Split('\n'));
        Assert.Equal(
            "--set: training.epochz: unknown key; did you mean 'training.epochs'?",
            error.Message.Split('\n')[^1]);
    }
}
