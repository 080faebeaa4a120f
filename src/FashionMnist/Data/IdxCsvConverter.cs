using System.IO.Compression;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FashionMnist.Data;

/// <summary>
/// Converts between the IDX files and the Kaggle CSV layout. Output whose name ends in <c>.gz</c> is
/// gzip-compressed. Each output is written to a temporary file beside it first, so a failure leaves no
/// partial file under the final name.
/// </summary>
public static class IdxCsvConverter
{
    /// <summary>
    /// Writes the images of an IDX images file and its labels file as one CSV file with the header
    /// <c>label,pixel1,...,pixel784</c>. Returns the number of images. Checksums are not verified.
    /// </summary>
    /// <param name="labelsPath">
    /// Labels file; default: the one beside the images file, found by the standard name pattern.
    /// </param>
    public static int ConvertIdxToCsv(string imagesPath, string csvPath, string? labelsPath = null,
        ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var set = ReadIdx(imagesPath, labelsPath, logger, cancellationToken);
        WriteCsv(set, csvPath);
        return set.Count;
    }

    /// <summary>
    /// Writes the images of a CSV file as an IDX images file and a labels file. Returns the number of images.
    /// </summary>
    /// <param name="labelsPath">
    /// Labels output; default: beside the images output, named by the standard pattern
    /// (<c>train-images-idx3-ubyte</c> → <c>train-labels-idx1-ubyte</c>).
    /// </param>
    public static int ConvertCsvToIdx(string csvPath, string imagesPath, string? labelsPath = null,
        ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        // Name the labels output before the long read, so a bad name fails at once.
        labelsPath ??= DefaultLabelsPath(imagesPath);
        var (set, _) = CsvFormat.ReadSet(Path.GetFullPath(csvPath), logger ?? NullLogger.Instance, cancellationToken);
        WriteIdx(set, imagesPath, labelsPath);
        return set.Count;
    }

    /// <summary>Reads an IDX images file and its labels file without verifying checksums.</summary>
    public static ImageSet ReadIdx(string imagesPath, string? labelsPath = null, ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        var images = Path.GetFullPath(imagesPath);
        var labels = labelsPath is null ? IdxFormat.FindLabelsFile(images) : Path.GetFullPath(labelsPath);
        return IdxFormat.ReadSet(images, labels, verifyChecksums: false, OfficialFiles.All,
            logger ?? NullLogger.Instance, cancellationToken).Set;
    }

    /// <summary>Writes <paramref name="set"/> as a Kaggle-layout CSV file with <c>\n</c> line ends.</summary>
    public static void WriteCsv(ImageSet set, string csvPath) =>
        WriteFile(csvPath, output => CsvFormat.Write(output, set));

    /// <summary>Writes <paramref name="set"/> as an IDX images file and an IDX labels file.</summary>
    /// <param name="labelsPath">Labels output; default: beside the images output, by the standard name pattern.</param>
    public static void WriteIdx(ImageSet set, string imagesPath, string? labelsPath = null)
    {
        labelsPath ??= DefaultLabelsPath(imagesPath);
        WriteFile(imagesPath, output => IdxFormat.WriteImages(output, set));
        WriteFile(labelsPath, output => IdxFormat.WriteLabels(output, set));
    }

    private static string DefaultLabelsPath(string imagesPath)
    {
        var full = Path.GetFullPath(imagesPath);
        var name = IdxFormat.LabelsNameFor(Path.GetFileName(full))
            ?? throw new ArgumentException(
                $"{full}: cannot name the labels file because the images file name contains no 'images' to "
                + "replace with 'labels'. Pass the labels path, or name the output like train-images-idx3-ubyte.",
                nameof(imagesPath));
        return Path.Combine(Path.GetDirectoryName(full)!, name);
    }

    private static void WriteFile(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var temporary = full + ".partial";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                if (full.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
                {
                    using var gzip = new GZipStream(file, CompressionLevel.Optimal);
                    write(gzip);
                }
                else
                {
                    write(file);
                }
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
