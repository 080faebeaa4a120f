using FashionMnist.Data;

namespace FashionMnist.Tests.Data;

public sealed class DatasetSplitterTests
{
    [Fact]
    public void FileSplitTakesLastRows()
    {
        var set = Numbered(20);

        var (train, dev) = DatasetSplitter.Split(set, 0.25, "file", seed: 1);

        Assert.Equal(Enumerable.Range(0, 15), RowIds(train));
        Assert.Equal(Enumerable.Range(15, 5), RowIds(dev));
        Assert.Equal(set.Labels[15..], dev.Labels);
    }

    [Theory]
    [InlineData(10, 0.25, 3)]
    [InlineData(10, 0.15, 2)]
    [InlineData(10, 0.14, 1)]
    [InlineData(60000, 0.1, 6000)]
    [InlineData(7, 0.5, 4)]
    [InlineData(3, 0.1, 0)]
    public void DevCountRoundsHalfAwayFromZero(int count, double fraction, int expected)
    {
        Assert.Equal(expected, DatasetSplitter.DevCount(count, fraction));
    }

    [Theory]
    [InlineData("file")]
    [InlineData("shuffled")]
    [InlineData("stratified")]
    public void ZeroFractionGivesEmptyDev(string split)
    {
        var set = Numbered(12);

        var (train, dev) = DatasetSplitter.Split(set, 0, split, seed: 3);

        Assert.Equal(0, dev.Count);
        Assert.Equal(set.Pixels, train.Pixels);
        Assert.Equal(set.Labels, train.Labels);
    }

    [Theory]
    [InlineData("file")]
    [InlineData("shuffled")]
    [InlineData("stratified")]
    public void EveryRowOnceInFileOrder(string split)
    {
        var set = Numbered(101);

        var (train, dev) = DatasetSplitter.Split(set, 0.3, split, seed: 11);

        Assert.Equal(30, dev.Count);
        Assert.Equal(71, train.Count);
        Assert.Equal(Enumerable.Range(0, 101), RowIds(train).Concat(RowIds(dev)).Order());
        Assert.Equal(RowIds(train).Order(), RowIds(train));
        Assert.Equal(RowIds(dev).Order(), RowIds(dev));
    }

    [Theory]
    [InlineData("shuffled")]
    [InlineData("stratified")]
    public void SameSeedSameSplit(string split)
    {
        var set = Numbered(200);

        var first = DatasetSplitter.Split(set, 0.2, split, seed: 42).Dev;
        var second = DatasetSplitter.Split(set, 0.2, split, seed: 42).Dev;
        var other = DatasetSplitter.Split(set, 0.2, split, seed: 43).Dev;

        Assert.Equal(RowIds(first), RowIds(second));
        Assert.NotEqual(RowIds(first), RowIds(other));
    }

    [Fact]
    public void ShuffledIsNotTheLastRows()
    {
        var set = Numbered(200);

        var dev = DatasetSplitter.Split(set, 0.1, "shuffled", seed: 5).Dev;

        Assert.NotEqual(Enumerable.Range(180, 20), RowIds(dev));
        Assert.Contains(RowIds(dev), id => id < 180);
    }

    [Fact]
    public void StratifiedKeepsClassShares()
    {
        // Class c has 10 + 7c rows, so shares differ from the even 10% that a lucky shuffle would give.
        var labels = Enumerable.Range(0, 10).SelectMany(c => Enumerable.Repeat((byte)c, 10 + 7 * c)).ToArray();
        new Random(0).Shuffle(labels);
        var set = Numbered(labels.Length, labels);

        var (train, dev) = DatasetSplitter.Split(set, 0.3, "stratified", seed: 9);

        Assert.Equal(DatasetSplitter.DevCount(set.Count, 0.3), dev.Count);
        for (var c = 0; c < 10; c++)
        {
            var total = 10 + 7 * c;
            var inDev = dev.Labels.Count(l => l == c);
            Assert.InRange(inDev, (int)Math.Floor(0.3 * total), (int)Math.Ceiling(0.3 * total));
            Assert.Equal(total - inDev, train.Labels.Count(l => l == c));
        }
    }

    [Fact]
    public void StratifiedWithMissingClass()
    {
        var labels = Enumerable.Range(0, 40).Select(i => (byte)(i % 3)).ToArray();
        var set = Numbered(labels.Length, labels);

        var dev = DatasetSplitter.Split(set, 0.5, "stratified", seed: 2).Dev;

        Assert.Equal(20, dev.Count);
        Assert.All(new[] { 0, 1, 2 }, c => Assert.InRange(dev.Labels.Count(l => l == c), 6, 7));
    }

    [Fact]
    public void SeededRandomIsSplitMix64()
    {
        // The first outputs of splitmix64.c (prng.di.unimi.it) seeded with 0, which other ports also check.
        var random = new SeededRandom(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void FractionOutOfRange(double fraction)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => DatasetSplitter.Split(Numbered(10), fraction, "file", 1));

        Assert.Contains("data.dev_fraction", error.Message);
    }

    [Fact]
    public void UnknownSplitName()
    {
        var error = Assert.Throws<ArgumentException>(() => DatasetSplitter.Split(Numbered(10), 0.1, "random", 1));

        Assert.Contains("'random'", error.Message);
        Assert.Contains("file, shuffled, stratified", error.Message);
    }

    [Fact]
    public void FractionLeavingNoTrainingRows()
    {
        DataAssert.Fails(() => DatasetSplitter.Split(Numbered(3), 0.9, "file", 1), "data.dev_fraction 0.9",
            "all 3 training rows");
    }

    // Image i has its id i in the first two pixels, so the rows can be traced through a split.
    private static ImageSet Numbered(int count, byte[]? labels = null)
    {
        var pixels = new byte[count * ImageSet.PixelsPerImage];
        for (var i = 0; i < count; i++)
        {
            pixels[i * ImageSet.PixelsPerImage] = (byte)(i / 256);
            pixels[i * ImageSet.PixelsPerImage + 1] = (byte)(i % 256);
        }
        labels ??= Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray();
        return new ImageSet(pixels, labels, "numbered");
    }

    private static List<int> RowIds(ImageSet set) =>
        Enumerable.Range(0, set.Count)
            .Select(i => set.Pixels[i * ImageSet.PixelsPerImage] * 256 + set.Pixels[i * ImageSet.PixelsPerImage + 1])
            .ToList();
}
