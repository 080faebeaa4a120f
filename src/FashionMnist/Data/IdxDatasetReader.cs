using FashionMnist.Experiments;
using FashionMnist.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FashionMnist.Data;

/// <summary>
/// Reads the four original IDX files (<c>train-images-idx3-ubyte</c>, <c>train-labels-idx1-ubyte</c>,
/// <c>t10k-images-idx3-ubyte</c>, <c>t10k-labels-idx1-ubyte</c>), each gzipped or not as its content shows.
/// <c>data.train</c> and <c>data.test</c> name an images file; its labels file is the one beside it whose name
/// has <c>labels-idx1</c> in place of <c>images-idx3</c>.
/// </summary>
public sealed class IdxDatasetReader : IDatasetReader
{
    private readonly DatasetLocator _locator;
    private readonly IReadOnlyList<OfficialFile> _officialFiles;
    private readonly ILogger _logger;

    public IdxDatasetReader(DatasetLocator locator, ILogger<IdxDatasetReader>? logger = null)
        : this(locator, OfficialFiles.All, logger)
    {
    }

    /// <summary>Creates a reader that checks files against <paramref name="officialFiles"/> instead.</summary>
    internal IdxDatasetReader(DatasetLocator locator, IReadOnlyList<OfficialFile> officialFiles,
        ILogger<IdxDatasetReader>? logger = null)
    {
        _locator = locator;
        _officialFiles = officialFiles;
        _logger = logger ?? NullLogger<IdxDatasetReader>.Instance;
    }

    /// <inheritdoc />
    public string Name => "idx";

    /// <inheritdoc />
    public string Description =>
        "The original four IDX files, gzipped or not (as published and as Debian installs them).";

    /// <inheritdoc />
    public Type SettingsType => typeof(NoSettings);

    /// <inheritdoc />
    public Dataset Read(DataOptions options, CancellationToken cancellationToken = default)
    {
        var needed = new List<string>();
        if (options.Train is null)
            needed.AddRange([OfficialFiles.TrainImagesName, OfficialFiles.TrainLabelsName]);
        if (options.Test is null)
            needed.AddRange([OfficialFiles.TestImagesName, OfficialFiles.TestLabelsName]);
        var directory = _locator.LocateDirectory(options, needed);

        var (trainImages, trainLabels) = ResolvePair(options.Train, "data.train", options.Dir, directory,
            OfficialFiles.TrainImagesName, OfficialFiles.TrainLabelsName);
        var (testImages, testLabels) = ResolvePair(options.Test, "data.test", options.Dir, directory,
            OfficialFiles.TestImagesName, OfficialFiles.TestLabelsName);

        var train = IdxFormat.ReadSet(trainImages, trainLabels, options.VerifyChecksums, _officialFiles, _logger,
            cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var test = IdxFormat.ReadSet(testImages, testLabels, options.VerifyChecksums, _officialFiles, _logger,
            cancellationToken);
        return new Dataset(train.Set, test.Set, [train.Images, train.Labels, test.Images, test.Labels]);
    }

    private static (string Images, string Labels) ResolvePair(string? configured, string settingKey,
        string? dataDir, string? directory, string imagesName, string labelsName)
    {
        if (configured is not null)
        {
            var images = DatasetLocator.ResolveConfiguredFile(configured, dataDir, settingKey);
            return (images, IdxFormat.FindLabelsFile(images));
        }

        // LocateDirectory returns a directory whenever a standard name is needed.
        return (DatasetLocator.FindStandardFile(directory!, imagesName),
            DatasetLocator.FindStandardFile(directory!, labelsName));
    }
}
