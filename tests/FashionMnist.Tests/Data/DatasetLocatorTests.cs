using FashionMnist.Data;
using FashionMnist.Experiments;

namespace FashionMnist.Tests.Data;

public sealed class DatasetLocatorTests : IDisposable
{
    private static readonly string[] IdxNames =
    [
        OfficialFiles.TrainImagesName, OfficialFiles.TrainLabelsName,
        OfficialFiles.TestImagesName, OfficialFiles.TestLabelsName,
    ];

    private readonly TempDirectory _environmentDirectory = new();
    private readonly TempDirectory _systemDirectory = new();

    public void Dispose()
    {
        _environmentDirectory.Dispose();
        _systemDirectory.Dispose();
    }

    [Fact]
    public void EnvironmentVariableComesFirst()
    {
        TestImages.WriteStandardIdx(_environmentDirectory, gzip: true);
        TestImages.WriteStandardIdx(_systemDirectory, gzip: true);

        var directory = Locator(_environmentDirectory.Path).LocateDirectory(new DataOptions(), IdxNames);

        Assert.Equal(_environmentDirectory.Path, directory);
    }

    [Fact]
    public void SystemDirectoryWhenVariableUnset()
    {
        TestImages.WriteStandardIdx(_systemDirectory, gzip: true);

        var directory = Locator(null).LocateDirectory(new DataOptions(), IdxNames);

        Assert.Equal(_systemDirectory.Path, directory);
    }

    [Fact]
    public void SystemDirectoryWhenVariableLacksFiles()
    {
        _environmentDirectory.Write(OfficialFiles.TrainImagesName, "x");
        TestImages.WriteStandardIdx(_systemDirectory, gzip: false);

        var directory = Locator(_environmentDirectory.Path).LocateDirectory(new DataOptions(), IdxNames);

        Assert.Equal(_systemDirectory.Path, directory);
    }

    [Fact]
    public void SystemDirectoriesInOrder()
    {
        using var second = new TempDirectory();
        TestImages.WriteStandardIdx(second, gzip: false);
        TestImages.WriteStandardIdx(_systemDirectory, gzip: false);
        var locator = new DatasetLocator(_ => null, ["/nonexistent/fmnist", _systemDirectory.Path, second.Path]);

        var directory = locator.LocateDirectory(new DataOptions(), IdxNames);

        Assert.Equal(_systemDirectory.Path, directory);
    }

    [Fact]
    public void NotFoundSaysWhereAndHow()
    {
        _environmentDirectory.Write(OfficialFiles.TrainImagesName + ".gz", "x");
        var missingSystem = Path.Combine(_systemDirectory.Path, "absent");
        var locator = new DatasetLocator(_ => _environmentDirectory.Path, [missingSystem]);

        DataAssert.Fails(() => locator.LocateDirectory(new DataOptions(), IdxNames),
            $"$FASHION_MNIST_DIR={_environmentDirectory.Path} (no train-labels-idx1-ubyte",
            $"then {missingSystem} (directory not found)",
            "sudo apt-get install dataset-fashion-mnist", "set FASHION_MNIST_DIR", "data.dir",
            "fmnist data download");
    }

    [Fact]
    public void NotFoundWithVariableUnset()
    {
        var locator = new DatasetLocator(_ => "  ", []);

        DataAssert.Fails(() => locator.LocateDirectory(new DataOptions(), IdxNames), "$FASHION_MNIST_DIR (not set)");
    }

    [Fact]
    public void NotFoundForCsvPointsToIdx()
    {
        TestImages.WriteStandardIdx(_systemDirectory, gzip: true);
        string[] names = [OfficialFiles.CsvTrainName, OfficialFiles.CsvTestName];

        DataAssert.Fails(() => Locator(null).LocateDirectory(new DataOptions { Format = "csv" }, names),
            "no fashion-mnist_train.csv", "Kaggle", "data.format: idx");
    }

    [Fact]
    public void DataDirWinsOverSearch()
    {
        TestImages.WriteStandardIdx(_environmentDirectory, gzip: true);
        using var configured = new TempDirectory();
        TestImages.WriteStandardIdx(configured, gzip: true);

        var directory = Locator(_environmentDirectory.Path)
            .LocateDirectory(new DataOptions { Dir = configured.Path }, IdxNames);

        Assert.Equal(configured.Path, directory);
    }

    [Fact]
    public void DataDirMissingFile()
    {
        TestImages.WriteStandardIdx(_systemDirectory, gzip: true);
        File.Delete(_systemDirectory.File(OfficialFiles.TestLabelsName + ".gz"));

        DataAssert.Fails(
            () => Locator(null).LocateDirectory(new DataOptions { Dir = _systemDirectory.Path }, IdxNames),
            "data.dir", _systemDirectory.Path, "no t10k-labels-idx1-ubyte");
    }

    [Fact]
    public void DataDirNotFound()
    {
        var absent = _systemDirectory.File("absent");

        DataAssert.Fails(() => Locator(null).LocateDirectory(new DataOptions { Dir = absent }, IdxNames),
            "data.dir", absent, "directory not found");
    }

    [Fact]
    public void NoDirectoryNeededWithBothPaths()
    {
        var directory = Locator(null).LocateDirectory(new DataOptions { Train = "a", Test = "b" }, []);

        Assert.Null(directory);
    }

    [Fact]
    public void ReaderUsesEnvironmentDirectory()
    {
        var (train, _) = TestImages.WriteStandardIdx(_environmentDirectory, gzip: true);
        TestImages.WriteStandardIdx(_systemDirectory, gzip: true, trainCount: 7);
        var reader = new IdxDatasetReader(Locator(_environmentDirectory.Path));

        var dataset = reader.Read(new DataOptions { VerifyChecksums = false });

        DataAssert.SameImages(train, dataset.Train);
    }

    [Fact]
    public void ReaderSearchesOnlyForUnsetSide()
    {
        // data.train is set, so only the test files have to be found by the search.
        var (_, test) = TestImages.WriteStandardIdx(_systemDirectory, gzip: false);
        File.Delete(_systemDirectory.File(OfficialFiles.TrainImagesName));
        var train = TestImages.Create(2, seed: 5);
        TestImages.WriteIdxPair(_environmentDirectory, "own-images-idx3-ubyte", "own-labels-idx1-ubyte", train, true);
        var reader = new IdxDatasetReader(Locator(null));

        var options = new DataOptions
        {
            Train = _environmentDirectory.File("own-images-idx3-ubyte.gz"),
            VerifyChecksums = false,
        };
        var dataset = reader.Read(options);

        DataAssert.SameImages(train, dataset.Train);
        DataAssert.SameImages(test, dataset.Test);
    }

    private DatasetLocator Locator(string? environmentValue) =>
        new(name => name == DatasetLocator.EnvironmentVariable ? environmentValue : null, [_systemDirectory.Path]);
}
