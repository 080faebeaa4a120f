using FashionMnist.Data;
using FashionMnist.Reporting;

namespace FashionMnist.Cli.Runs;

/// <summary>Reads the images given to <c>fmnist predict</c>: picture files, CSV files and inline CSV rows.</summary>
internal static class PredictionInputs
{
    /// <summary>
    /// Returns the images of <paramref name="files"/> in order (a <c>.csv</c> file gives one image per row, any other
    /// file is read as a picture), then one image per inline row.
    /// </summary>
    public static List<ImageInput> Read(IReadOnlyList<string> files, IReadOnlyList<string> rows)
    {
        var inputs = new List<ImageInput>();
        foreach (var file in files)
        {
            if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                inputs.AddRange(ReadCsv(file));
            else
                inputs.Add(ImageInput.FromPng(file));
        }
        for (var i = 0; i < rows.Count; i++)
            inputs.Add(ImageInput.FromCsvRow(rows[i], $"--row {i + 1}"));
        return inputs;
    }

    /// <summary>Reads every data row of a Kaggle-layout CSV file; a header on the first line is skipped.</summary>
    private static List<ImageInput> ReadCsv(string path)
    {
        if (!File.Exists(path))
            throw new DataException($"{Path.GetFullPath(path)}: CSV file not found. Check the path.");

        var inputs = new List<ImageInput>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || (lineNumber == 1 && IsHeader(line)))
                continue;
            inputs.Add(ImageInput.FromCsvRow(line, $"{path}:{lineNumber}"));
        }

        if (inputs.Count == 0)
        {
            throw new DataException(
                $"{path}: the file has no data rows. Give rows of 784 or 785 comma-separated numbers.");
        }
        return inputs;
    }

    private static bool IsHeader(string line)
    {
        var first = line.TrimStart().TrimStart('"');
        return first.StartsWith("label", StringComparison.OrdinalIgnoreCase)
            || first.StartsWith("pixel", StringComparison.OrdinalIgnoreCase);
    }
}
