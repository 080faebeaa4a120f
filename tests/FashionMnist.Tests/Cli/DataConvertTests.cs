using FashionMnist.Cli;
using FashionMnist.Data;
using FashionMnist.Tests.Data;

namespace FashionMnist.Tests.Cli;

/// <summary><c>fmnist data convert</c> between IDX files and Kaggle CSV, both ways.</summary>
public sealed class DataConvertTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Convert_IdxToCsv()
    {
        var (_, test) = TestImages.WriteStandardIdx(_directory, gzip: true, testCount: 4);
        var output = _directory.File("out/test.csv");

        var result = await Fmnist.RunAsync("data", "convert", _directory.File("t10k-images-idx3-ubyte.gz"), output);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(TestImages.Csv(test), File.ReadAllText(output));
        Assert.Contains("Wrote 4 images", result.Output);
    }

    [Fact]
    public async Task Convert_CsvToGzippedIdx()
    {
        var set = TestImages.Create(6, seed: 3);
        var csv = _directory.Write("rows.csv", TestImages.Csv(set));
        var images = _directory.File("idx/train-images-idx3-ubyte.gz");

        var result = await Fmnist.RunAsync("data", "convert", csv, images);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal([0x1f, 0x8b], File.ReadAllBytes(images)[..2]);
        var back = IdxCsvConverter.ReadIdx(images, _directory.File("idx/train-labels-idx1-ubyte.gz"));
        Assert.Equal(set.Pixels, back.Pixels);
        Assert.Equal(set.Labels, back.Labels);
    }

    [Fact]
    public async Task Convert_CsvToIdxWithLabelsPath()
    {
        var set = TestImages.Create(3, seed: 4);
        var csv = _directory.Write("rows.csv", TestImages.Csv(set));

        var result = await Fmnist.RunAsync("data", "convert", csv, _directory.File("pixels.idx"),
            "--labels", _directory.File("classes.idx"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var back = IdxCsvConverter.ReadIdx(_directory.File("pixels.idx"), _directory.File("classes.idx"));
        Assert.Equal(set.Labels, back.Labels);
    }

    [Fact]
    public async Task Convert_UnnamedLabelsIsConfigError()
    {
        var csv = _directory.Write("rows.csv", TestImages.Csv(TestImages.Create(2)));

        var result = await Fmnist.RunAsync("data", "convert", csv, _directory.File("pixels.idx"));

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("--labels", result.Output);
        Assert.False(File.Exists(_directory.File("pixels.idx")));
    }

    [Fact]
    public async Task Convert_MissingInputIsDataError()
    {
        var result = await Fmnist.RunAsync("data", "convert", _directory.File("absent.csv"),
            _directory.File("train-images-idx3-ubyte"));

        Assert.Equal(ExitCodes.DataError, result.ExitCode);
        Assert.Contains("absent.csv", result.Output);
    }

    [Fact]
    public async Task Convert_MalformedCsvIsDataError()
    {
        var csv = _directory.Write("bad.csv", TestImages.CsvHeader + "\n1,2,3\n");

        var result = await Fmnist.RunAsync("data", "convert", csv, _directory.File("train-images-idx3-ubyte"));

        Assert.Equal(ExitCodes.DataError, result.ExitCode);
        Assert.Contains("bad.csv", result.Output);
    }
}
