using FashionMnist.Experiments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FashionMnist.Data;

/// <summary>
/// Finds the data files. <c>data.dir</c>, <c>data.train</c> and <c>data.test</c> win when set; otherwise the
/// directory named by <c>$FASHION_MNIST_DIR</c> is searched, then the system directories (by default
/// <c>/usr/share/datasets/fashion-mnist</c>, where Debian's <c>dataset-fashion-mnist</c> installs the IDX files).
/// A standard file name matches the file itself or the file with <c>.gz</c> added; the uncompressed one wins.
/// </summary>
public sealed class DatasetLocator
{
    /// <summary>Environment variable naming a directory that contains the data files.</summary>
    public const string EnvironmentVariable = "FASHION_MNIST_DIR";

    /// <summary>Where Debian's package <c>dataset-fashion-mnist</c> installs the four gzipped IDX files.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    private readonly Func<string, string?> _getEnvironmentVariable;
    private readonly IReadOnlyList<string> _systemDirectories;
    private readonly ILogger _logger;

    /// <summary>
    /// Creates a locator that reads the process environment, then searches <see cref="DebianDirectory"/>.
    /// </summary>
    public DatasetLocator(ILogger<DatasetLocator>? logger = null)
        : this(Environment.GetEnvironmentVariable, [DebianDirectory], logger)
    {
    }

    /// <summary>Creates a locator with its own environment lookup and system directories, searched in order.</summary>
    public DatasetLocator(Func<string, string?> getEnvironmentVariable, IReadOnlyList<string> systemDirectories,
        ILogger<DatasetLocator>? logger = null)
    {
        _getEnvironmentVariable = getEnvironmentVariable;
        _systemDirectories = systemDirectories;
        _logger = logger ?? NullLogger<DatasetLocator>.Instance;
    }

    /// <summary>
    /// Returns the directory in which standard file names are resolved: <c>data.dir</c> when set, otherwise the
    /// first search location that contains every one of <paramref name="fileNames"/>; null when <c>data.dir</c> is not
    /// set and no file name is needed. Throws <see cref="DataException"/> saying where it looked and how to get
    /// the data.
    /// </summary>
    public string? LocateDirectory(DataOptions options, IReadOnlyList<string> fileNames)
    {
        if (options.Dir is not null)
            return CheckConfiguredDirectory(options.Dir, fileNames);
        if (fileNames.Count == 0)
            return null;

        var misses = new List<string>();
        foreach (var (location, directory) in SearchList())
        {
            var reason = directory is null ? "not set" : DescribeMissing(directory, fileNames);
            if (reason is null)
            {
                DataLog.UsingDirectory(_logger, directory!, location);
                return Path.GetFullPath(directory!);
            }

            // A variable the user set but that leads nowhere is worth a warning; a missing package is not.
            if (directory is not null && location != directory)
                DataLog.SkippedLocation(_logger, location, reason);
            misses.Add($"{location} ({reason})");
        }
        throw new DataException(NotFoundMessage(options.Format, fileNames, misses));
    }

    /// <summary>
    /// Returns the full path of a file set by <paramref name="settingKey"/>, resolved against <c>data.dir</c> when
    /// it is relative and <paramref name="dataDir"/> is set, else against the working directory.
    /// </summary>
    public static string ResolveConfiguredFile(string configuredPath, string? dataDir, string settingKey)
    {
        var path = Path.GetFullPath(dataDir is null ? configuredPath : Path.Combine(dataDir, configuredPath));
        if (File.Exists(path))
            return path;

        var relativeTo = dataDir is null ? "the working directory" : "data.dir";
        throw new DataException(
            $"{settingKey}: file {path} not found (a relative path is resolved against {relativeTo}). Set "
            + $"{settingKey} to an existing file, or remove it to use the standard file name.");
    }

    /// <summary>
    /// Returns the path of <paramref name="standardName"/> in <paramref name="directory"/>, or of the same name
    /// with <c>.gz</c>, preferring the uncompressed file. Throws <see cref="DataException"/> when neither exists.
    /// </summary>
    public static string FindStandardFile(string directory, string standardName)
    {
        var plain = Path.GetFullPath(Path.Combine(directory, standardName));
        if (File.Exists(plain))
            return plain;
        if (File.Exists(plain + ".gz"))
            return plain + ".gz";
        throw new DataException($"{plain}: file not found, nor {standardName}.gz beside it. Put the file there.");
    }

    private IEnumerable<(string Location, string? Directory)> SearchList()
    {
        var fromEnvironment = _getEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(fromEnvironment))
            yield return ("$" + EnvironmentVariable, null);
        else
            yield return ($"${EnvironmentVariable}={fromEnvironment}", fromEnvironment);

        foreach (var directory in _systemDirectories)
            yield return (directory, directory);
    }

    private static string CheckConfiguredDirectory(string configured, IReadOnlyList<string> fileNames)
    {
        var directory = Path.GetFullPath(configured);
        var reason = DescribeMissing(directory, fileNames);
        if (reason is null)
            return directory;

        throw new DataException(
            $"data.dir: {directory}: {reason}. Set data.dir to the directory containing "
            + $"{string.Join(", ", fileNames)} (each may end in .gz), or set data.train and data.test to the files.");
    }

    private static string? DescribeMissing(string directory, IReadOnlyList<string> fileNames)
    {
        if (!Directory.Exists(directory))
            return "directory not found";

        var missing = fileNames.Where(name => !ExistsPlainOrGzip(directory, name)).ToList();
        return missing.Count == 0 ? null : "no " + string.Join(", no ", missing);
    }

    private static bool ExistsPlainOrGzip(string directory, string name) =>
        File.Exists(Path.Combine(directory, name)) || File.Exists(Path.Combine(directory, name + ".gz"));

    private static string NotFoundMessage(string format, IReadOnlyList<string> fileNames, List<string> misses)
    {
        var message = $"Fashion-MNIST data not found: looked for {string.Join(", ", fileNames)} (each may end in "
            + $".gz) in {string.Join(", then ", misses)}. ";
        if (format == "csv")
        {
            return message + "The csv format reads the Kaggle files: set data.dir to their directory, or "
                + $"{EnvironmentVariable}, or data.train and data.test to the files. The Debian package "
                + "dataset-fashion-mnist installs the IDX files instead: use data.format: idx with it.";
        }
        return message + "To get the data: sudo apt-get install dataset-fashion-mnist, or set "
            + $"{EnvironmentVariable} or data.dir to a directory containing the files, or run fmnist data download "
            + "where a network is available.";
    }
}
