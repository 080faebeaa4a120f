using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace FashionMnist.Reporting;

/// <summary>
/// Writes a <see cref="ClassificationReport"/> as CSV and JSON files. Numbers use the invariant culture and the
/// shortest text that parses back to the same double.
/// </summary>
public static class ClassificationReportWriter
{
    /// <summary>Label of the macro-average row in the report CSV.</summary>
    public const string MacroAverageRow = "macro avg";

    /// <summary>Label of the accuracy row in the report CSV.</summary>
    public const string AccuracyRow = "accuracy";

    /// <summary>
    /// Writes the confusion matrix as CSV: a header row "true \ predicted" followed by the class names, then one
    /// row per true class starting with its name. Creates the parent folder and overwrites the file.
    /// </summary>
    public static void WriteConfusionMatrixCsv(ClassificationReport report, string path)
    {
        using var csv = OpenCsv(path);

        csv.WriteField("true \\ predicted");
        foreach (var name in report.ClassNames)
            csv.WriteField(name);
        csv.NextRecord();

        for (var row = 0; row < report.ClassCount; row++)
        {
            csv.WriteField(report.ClassNames[row]);
            for (var column = 0; column < report.ClassCount; column++)
                csv.WriteField(report.Confusion(row, column).ToString(CultureInfo.InvariantCulture));
            csv.NextRecord();
        }
    }

    /// <summary>
    /// Writes the report as CSV with the columns class, precision, recall, f1 and support. It has one row per
    /// class and a "macro avg" row whose support is the image count. The last row, "accuracy", follows
    /// scikit-learn's classification report: the accuracy is in the f1 column and precision and recall are empty.
    /// Creates the parent folder and overwrites the file.
    /// </summary>
    public static void WriteCsv(ClassificationReport report, string path)
    {
        using var csv = OpenCsv(path);

        foreach (var header in new[] { "class", "precision", "recall", "f1", "support" })
            csv.WriteField(header);
        csv.NextRecord();

        foreach (var c in report.Classes)
            WriteRow(csv, c.Name, Format(c.Precision), Format(c.Recall), Format(c.F1), c.Support);
        WriteRow(csv, MacroAverageRow, Format(report.MacroPrecision), Format(report.MacroRecall),
            Format(report.MacroF1), report.Count);
        WriteRow(csv, AccuracyRow, "", "", Format(report.Accuracy), report.Count);
    }

    /// <summary>
    /// Writes the report as indented JSON with the fields count, correct, accuracy, logLoss (null when unknown or
    /// not finite), macroAverage {precision, recall, f1}, classes [{index, name, precision, recall, f1, support,
    /// predicted}] and confusionMatrix {classNames, rows}. Creates the parent folder and overwrites the file.
    /// </summary>
    public static void WriteJson(ClassificationReport report, string path)
    {
        CreateParent(path);
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });

        json.WriteStartObject();
        json.WriteNumber("count", report.Count);
        json.WriteNumber("correct", report.Correct);
        json.WriteNumber("accuracy", report.Accuracy);
        if (report.LogLoss is { } logLoss && double.IsFinite(logLoss))
            json.WriteNumber("logLoss", logLoss);
        else
            json.WriteNull("logLoss");

        json.WriteStartObject("macroAverage");
        json.WriteNumber("precision", report.MacroPrecision);
        json.WriteNumber("recall", report.MacroRecall);
        json.WriteNumber("f1", report.MacroF1);
        json.WriteEndObject();

        json.WriteStartArray("classes");
        foreach (var c in report.Classes)
            WriteClass(json, c);
        json.WriteEndArray();

        WriteMatrix(json, report);
        json.WriteEndObject();
    }

    private static void WriteClass(Utf8JsonWriter json, ClassMetrics c)
    {
        json.WriteStartObject();
        json.WriteNumber("index", c.Index);
        json.WriteString("name", c.Name);
        json.WriteNumber("precision", c.Precision);
        json.WriteNumber("recall", c.Recall);
        json.WriteNumber("f1", c.F1);
        json.WriteNumber("support", c.Support);
        json.WriteNumber("predicted", c.Predicted);
        json.WriteEndObject();
    }

    private static void WriteMatrix(Utf8JsonWriter json, ClassificationReport report)
    {
        json.WriteStartObject("confusionMatrix");
        json.WriteStartArray("classNames");
        foreach (var name in report.ClassNames)
            json.WriteStringValue(name);
        json.WriteEndArray();

        json.WriteStartArray("rows");
        for (var row = 0; row < report.ClassCount; row++)
        {
            json.WriteStartArray();
            for (var column = 0; column < report.ClassCount; column++)
                json.WriteNumberValue(report.Confusion(row, column));
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRow(CsvWriter csv, string label, string precision, string recall, string f1, int support)
    {
        csv.WriteField(label);
        csv.WriteField(precision);
        csv.WriteField(recall);
        csv.WriteField(f1);
        csv.WriteField(support.ToString(CultureInfo.InvariantCulture));
        csv.NextRecord();
    }

    private static CsvWriter OpenCsv(string path)
    {
        CreateParent(path);
        var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return new CsvWriter(writer, CultureInfo.InvariantCulture);
    }

    private static void CreateParent(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
