using FashionMnist.Experiments;

namespace FashionMnist.Tests.Experiments;

public class RunNamesTests
{
    [Fact]
    public void Default_IsFileName()
    {
        Assert.Equal("baseline", RunNames.Default("experiments/baseline.yaml", []));
    }

    [Fact]
    public void Default_AppendsOverrides()
    {
        Assert.Equal(
            "baseline optimizer.lr=0.001 model.name=mlp",
            RunNames.Default("experiments/baseline.yaml", ["optimizer.lr = 0.001", " model.name=mlp"]));
    }

    [Fact]
    public void Default_WithoutFileName()
    {
        Assert.Equal("experiment training.epochs=1", RunNames.Default("", ["training.epochs=1"]));
    }
}
