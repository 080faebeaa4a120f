using FashionMnist.Experiments;

namespace FashionMnist.Tests.Experiments;

public class SweepExpanderTests
{
    private static SweepOptions Sweep(string method = "grid", int count = 10, long seed = 0) => new()
    {
        Method = method,
        Count = count,
        Seed = seed,
        Parameters = new()
        {
            ["optimizer.lr"] = [0.001, 0.01],
            ["model.name"] = ["blog_cnn", "mlp", "x y"],
        },
    };

    private static string Text(SweepPoint point) => string.Join(' ', point.Overrides);

    [Fact]
    public void Grid_EveryCombinationLastKeyFastest()
    {
        var points = SweepExpander.Expand(Sweep());

        Assert.Equal(
            [
                "optimizer.lr=0.001 model.name=blog_cnn",
                "optimizer.lr=0.001 model.name=mlp",
                "optimizer.lr=0.001 model.name=x y",
                "optimizer.lr=0.01 model.name=blog_cnn",
                "optimizer.lr=0.01 model.name=mlp",
                "optimizer.lr=0.01 model.name=x y",
            ],
            points.Select(Text));
        Assert.Equal(Enumerable.Range(0, 6), points.Select(p => p.Index));
    }

    [Fact]
    public void Grid_QuotesTextThatReadsAsOtherType()
    {
        var sweep = new SweepOptions { Parameters = new() { ["data.dir"] = ["5", null, "a,b", true, 1.5, 7L] } };

        var overrides = SweepExpander.Expand(sweep).Select(p => Assert.Single(p.Overrides));

        Assert.Equal(
            ["data.dir=\"5\"", "data.dir=null", "data.dir=\"a,b\"", "data.dir=true", "data.dir=1.5", "data.dir=7"],
            overrides);
    }

    [Fact]
    public void Random_DrawsCountPointsFromLists()
    {
        var points = SweepExpander.Expand(Sweep("random", count: 25, seed: 3));

        Assert.Equal(25, points.Count);
        Assert.All(points, p => Assert.Contains(p.Overrides[0], new[] { "optimizer.lr=0.001", "optimizer.lr=0.01" }));
        Assert.All(points, p => Assert.StartsWith("model.name=", p.Overrides[1]));
        Assert.Equal(3, points.Select(p => p.Overrides[1]).Distinct().Count());
    }

    [Fact]
    public void Random_SameSeedSamePoints()
    {
        var first = SweepExpander.Expand(Sweep("random", count: 20, seed: 42));
        var second = SweepExpander.Expand(Sweep("random", count: 20, seed: 42));

        Assert.Equal(first.Select(Text), second.Select(Text));
    }

    [Fact]
    public void Random_OtherSeedOtherPoints()
    {
        var first = SweepExpander.Expand(Sweep("random", count: 20, seed: 1));
        var second = SweepExpander.Expand(Sweep("random", count: 20, seed: 2));

        Assert.NotEqual(first.Select(Text), second.Select(Text));
    }

    [Fact]
    public void EmptyValueList_Throws()
    {
        var sweep = new SweepOptions { Parameters = new() { ["optimizer.lr"] = [] } };

        var error = Assert.Throws<ArgumentException>(() => SweepExpander.Expand(sweep));

        Assert.Contains("'optimizer.lr' has no values", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(7)]
    public void Shards_HoldEveryPointOnce(int count)
    {
        var points = SweepExpander.Expand(Sweep());

        var shards = Enumerable.Range(1, count).Select(i => SweepExpander.Shard(points, i, count)).ToList();

        var indices = shards.SelectMany(s => s.Select(p => p.Index)).Order().ToList();
        Assert.Equal(points.Select(p => p.Index), indices);
        Assert.All(shards, s => Assert.InRange(s.Count, points.Count / count, points.Count / count + 1));
    }

    [Fact]
    public void Shard_TakesEveryNthFromIndex()
    {
        var points = SweepExpander.Expand(Sweep());

        Assert.Equal([1, 4], SweepExpander.Shard(points, 2, 3).Select(p => p.Index));
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(4, 3)]
    [InlineData(1, 0)]
    public void Shard_RejectsInvalidArguments(int index, int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SweepExpander.Shard([], index, count));
    }

    [Fact]
    public void ParseShard_ReadsIndexAndCount()
    {
        Assert.Equal((2, 4), SweepExpander.ParseShard("2/4"));
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("-1/4")]
    public void ParseShard_RejectsInvalidText(string text)
    {
        var error = Assert.Throws<FormatException>(() => SweepExpander.ParseShard(text));

        Assert.Contains($"'{text}'", error.Message);
    }

    [Fact]
    public void Points_LoadAsOverrides()
    {
        var loader = TestComponents.Loader();
        var loaded = loader.LoadText(
            "sweep:\n  parameters:\n    optimizer.lr: [0.5, 1]\n    model.name: [mlp]\n    data.dir: ['5', null]\n",
            "sweep.yaml", []);

        var experiments = SweepExpander.Expand(loaded.Experiment.Sweep!)
            .Select(p => loader.LoadText("", "sweep.yaml", p.Overrides).Experiment)
            .ToList();

        Assert.Equal([0.5, 0.5, 1.0, 1.0], experiments.Select(e => e.Optimizer.Lr));
        Assert.All(experiments, e => Assert.IsType<MlpSettings>(e.Model.Settings));
        Assert.Equal(["5", null, "5", null], experiments.Select(e => e.Data.Dir));
    }
}
