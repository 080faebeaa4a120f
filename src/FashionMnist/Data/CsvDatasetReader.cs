using FashionMnist.Experiments;
using FashionMnist.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FashionMnist.Data;

/// <summary>
/// Reads the Kaggle CSV files <c>fashion-mnist_train.csv</c> and <c>fashion-mnist_test.csv</c>: a header
/// <c>label,pixel1,...,pixel784</c>, then one image per line. A gzipped file is read too, detected by its content.
/// The files are not published with checksums, so their MD5 is recorded but never verified.
/// </summary>
public sealed class CsvDatasetReader : IDatasetReader
{
    private readonly DatasetLocator _locator;
    private readonly ILogger _logger;

    public CsvDatasetReader(DatasetLocator locator, ILogger<CsvDatasetReader>? logger = null)
    {
        _locator = locator;
        _logger = logger ?? NullLogger<CsvDatasetReader>.Instance;
    }

    /// <inheritdoc />
    public string Name => "csv";

    /// <inheritdoc />
    public string Description => "Kaggle CSV files: header label,pixel1,...,pixel784, then one image per line.";

    /// <inheritdoc />
    public Type SettingsType => typeof(NoSettings);

    /// <inheritdoc />
    public Dataset Read(DataOptions options, CancellationToken cancellationToken = default)
    {
        var needed = new List<string>();
        if (options.Train is null)
            needed.Add(OfficialFiles.CsvTrainName);
        if (options.Test is null)
            needed.Add(OfficialFiles.CsvTestName);
        var directory = _locator.LocateDirectory(options, needed);

        var trainPath = Resolve(options.Train, "data.train", options.Dir, directory, OfficialFiles.CsvTrainName);
        var testPath = Resolve(options.Test, "data.test", options.Dir, directory, OfficialFiles.CsvTestName);

        var train = CsvFormat.ReadSet(trainPath, _logger, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var test = CsvFormat.ReadSet(testPath, _logger, cancellationToken);
        return new Dataset(train.Set, test.Set, [train.File, test.File]);
    }

    private static string Resolve(string? configured, string settingKey, string? dataDir, string? directory,
        string standardName) =>
        configured is not null
            ? DatasetLocator.ResolveConfiguredFile(configured, dataDir, settingKey)
            : DatasetLocator.FindStandardFile(directory!, standardName);
}
