namespace FashionMnist.Tests.Experiments;

public class SweepValidationTests
{
    [Fact]
    public void UnknownKey_SuggestsDottedKey()
    {
        var problem = LoaderAssert.Single("sweep:\n  parameters:\n    optimizer.lrr: [0.1]\n");

        Assert.Equal((3, 5), (problem.Line, problem.Column));
        Assert.Equal("sweep.parameters.optimizer.lrr", problem.Key);
        Assert.Equal("optimizer.lrr", problem.Value);
        Assert.Equal("optimizer.lr", problem.Suggestion);
    }

    [Fact]
    public void SectionKey_IsRejected()
    {
        var problem = LoaderAssert.Single("sweep:\n  parameters:\n    data.augment: [1]\n");

        Assert.StartsWith("'data.augment' is a section", problem.Message);
    }

    [Fact]
    public void SweepKey_IsRejected()
    {
        var problem = LoaderAssert.Single("sweep:\n  parameters:\n    sweep.count: [1]\n");

        Assert.Equal("a sweep cannot change the sweep section itself", problem.Message);
    }

    [Fact]
    public void BadValue_PointsAtItem()
    {
        var problem = LoaderAssert.Single("sweep:\n  parameters:\n    training.epochs: [1, many]\n");

        Assert.Equal((3, 26), (problem.Line, problem.Column));
        Assert.Equal("sweep.parameters.training.epochs[1]", problem.Key);
        Assert.Equal("expected a whole number, got 'many'", problem.Message);
    }

    [Fact]
    public void OutOfRangeValue_IsReported()
    {
        var problem = LoaderAssert.Single("sweep:\n  parameters:\n    data.dev_fraction: [0.1, 1.5]\n");

        Assert.Equal("sweep.parameters.data.dev_fraction[1]", problem.Key);
        Assert.Equal("1.5 is out of range; must be from 0 to 0.99", problem.Message);
    }

    [Fact]
    public void NestedListValue_IsReportedOnce()
    {
        var problem = LoaderAssert.Single("sweep:\n  parameters:\n    model.hidden: [[1, 2]]\n");

        Assert.Equal("sweep.parameters.model.hidden[0]", problem.Key);
        Assert.Equal("expected a single value, got a list", problem.Message);
    }

    [Fact]
    public void UnknownComponentName_SuggestsRegistered()
    {
        var problem = LoaderAssert.Single("sweep:\n  parameters:\n    optimizer.name: [adam, sdg]\n");

        Assert.Equal("sweep.parameters.optimizer.name[1]", problem.Key);
        Assert.Equal("sgd", problem.Suggestion);
    }

    [Fact]
    public void SettingsOfSweptComponent_AreAccepted()
    {
        const string yaml = "sweep:\n  parameters:\n    model.name: [blog_cnn, mlp]\n    model.width: [64]\n";

        var sweep = LoaderAssert.Load(yaml).Sweep;

        Assert.Equal(2, sweep!.Parameters.Count);
    }

    [Fact]
    public void NoParameters_IsReported()
    {
        var problem = LoaderAssert.Single("sweep:\n  method: grid\n");

        Assert.Equal("sweep.parameters", problem.Key);
        Assert.StartsWith("the sweep lists no keys", problem.Message);
    }

    [Fact]
    public void EmptyValueList_IsReported()
    {
        var problem = LoaderAssert.Single("sweep:\n  parameters:\n    optimizer.lr: []\n");

        Assert.Equal("the list of values is empty; give at least one value", problem.Message);
    }

    [Fact]
    public void ScalarInsteadOfList_IsReported()
    {
        var problem = LoaderAssert.Single("sweep:\n  parameters:\n    optimizer.lr: 0.1\n");

        Assert.Equal("sweep.parameters.optimizer.lr", problem.Key);
        Assert.Equal("expected a list such as [0.1, 0.5], got '0.1'", problem.Message);
    }

    [Fact]
    public void UnknownMethod_ListsAllowed()
    {
        var problem = LoaderAssert.Single("sweep:\n  method: bayes\n  parameters:\n    optimizer.lr: [0.1]\n");

        Assert.Equal("'bayes' is not allowed; allowed values: grid, random", problem.Message);
    }
}
