using FashionMnist.Experiments;

namespace FashionMnist.Tests.Experiments;

public class ExperimentFlattenerTests
{
    [Fact]
    public void Flatten_UsesDottedKeys()
    {
        var flat = ExperimentFlattener.Flatten(LoaderAssert.Load(
            "data:\n  augment:\n    crop_padding: 2\ntracking:\n  tags:\n    team: vision\n"));

        Assert.Equal("adam", flat["optimizer.name"]);
        Assert.Equal("0.001", flat["optimizer.lr"]);
        Assert.Equal("0.9", flat["optimizer.beta1"]);
        Assert.Equal("blog_cnn", flat["model.name"]);
        Assert.Equal("0.25", flat["model.dropout"]);
        Assert.Equal("[128]", flat["model.hidden"]);
        Assert.Equal("2", flat["data.augment.crop_padding"]);
        Assert.Equal("false", flat["data.augment.horizontal_flip"]);
        Assert.Equal("vision", flat["tracking.tags.team"]);
        Assert.Equal("constant", flat["schedule.name"]);
        Assert.Equal("true", flat["training.shuffle"]);
    }

    [Fact]
    public void Flatten_OmitsNulls()
    {
        var flat = ExperimentFlattener.Flatten(LoaderAssert.Load(""));

        Assert.False(flat.ContainsKey("data.dir"));
        Assert.False(flat.ContainsKey("tracking.uri"));
        Assert.False(flat.ContainsKey("extends"));
        Assert.DoesNotContain(flat.Keys, k => k.StartsWith("sweep", StringComparison.Ordinal));
    }

    [Fact]
    public void Doubles_RoundTripInvariant()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var experiment = LoaderAssert.Load("optimizer:\n  lr: 0.1\ndata:\n  mean: 0.123456789012345678\n");

            var flat = ExperimentFlattener.Flatten(experiment);

            Assert.Equal("0.1", flat["optimizer.lr"]);
            var invariant = System.Globalization.CultureInfo.InvariantCulture;
            Assert.Equal(experiment.Data.Mean, double.Parse(flat["data.mean"], invariant));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Sweep_FlattensParameterLists()
    {
        var flat = ExperimentFlattener.Flatten(LoaderAssert.Load(
            "sweep:\n  parameters:\n    optimizer.lr: [0.001, 0.01]\n    data.dir: [a b, 'x,y']\n"));

        Assert.Equal("grid", flat["sweep.method"]);
        Assert.Equal("[0.001, 0.01]", flat["sweep.parameters.optimizer.lr"]);
        Assert.Equal("[a b, \"x,y\"]", flat["sweep.parameters.data.dir"]);
    }

    [Fact]
    public void Keys_FollowWriterOrder()
    {
        var keys = ExperimentFlattener.Flatten(LoaderAssert.Load("")).Keys.ToList();

        Assert.Equal("data.format", keys[0]);
        Assert.True(keys.IndexOf("model.name") < keys.IndexOf("model.dropout"));
        Assert.True(keys.IndexOf("optimizer.name") < keys.IndexOf("optimizer.lr"));
        Assert.True(keys.IndexOf("optimizer.lr") < keys.IndexOf("optimizer.beta1"));
    }
}
