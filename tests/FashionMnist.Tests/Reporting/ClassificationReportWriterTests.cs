using System.Globalization;
using System.Text.Json;
using FashionMnist.Reporting;

namespace FashionMnist.Tests.Reporting;

public class ClassificationReportWriterTests
{
    private static readonly ClassificationReport Report =
        ClassificationReport.Compute([0, 0, 0, 0, 1, 1, 1, 2, 2, 2], [0, 0, 1, 2, 1, 1, 0, 2, 2, 1]);

    [Fact]
    public void ConfusionCsv_HeaderAndRows()
    {
        using var folder = new TempFolder();
        var path = folder.File("nested/confusion.csv");

        ClassificationReportWriter.WriteConfusionMatrixCsv(Report, path);
        var lines = File.ReadAllLines(path);

        Assert.Equal(11, lines.Length);
        Assert.Equal(
            "true \\ predicted,T-shirt/top,Trouser,Pullover,Dress,Coat,Sandal,Shirt,Sneaker,Bag,Ankle boot",
            lines[0]);
        Assert.Equal("T-shirt/top,2,1,1,0,0,0,0,0,0,0", lines[1]);
        Assert.Equal("Trouser,1,2,0,0,0,0,0,0,0,0", lines[2]);
        Assert.Equal("Ankle boot,0,0,0,0,0,0,0,0,0,0", lines[10]);
    }

    [Fact]
    public void ReportCsv_RowsAndNumbers()
    {
        using var folder = new TempFolder();
        var path = folder.File("report.csv");

        ClassificationReportWriter.WriteCsv(Report, path);
        var lines = File.ReadAllLines(path);

        Assert.Equal(13, lines.Length);
        Assert.Equal("class,precision,recall,f1,support", lines[0]);
        var expected = string.Create(CultureInfo.InvariantCulture,
            $"T-shirt/top,{2.0 / 3:R},0.5,{Report.Classes[0].F1:R},4");
        Assert.Equal(expected, lines[1]);
        Assert.Equal("Sandal,0,0,0,0", lines[6]);
        Assert.StartsWith("macro avg,", lines[11]);
        Assert.EndsWith(",10", lines[11]);
        Assert.Equal("accuracy,,,0.6,10", lines[12]);
    }

    [Fact]
    public void ReportCsv_NumbersParseBack()
    {
        using var folder = new TempFolder();
        var path = folder.File("report.csv");

        ClassificationReportWriter.WriteCsv(Report, path);
        var macro = File.ReadAllLines(path)[11].Split(',');

        Assert.Equal(Report.MacroPrecision, double.Parse(macro[1], CultureInfo.InvariantCulture));
        Assert.Equal(Report.MacroF1, double.Parse(macro[3], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ReportJson_Fields()
    {
        using var folder = new TempFolder();
        var path = folder.File("report.json");

        ClassificationReportWriter.WriteJson(Report, path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;

        Assert.Equal(10, root.GetProperty("count").GetInt32());
        Assert.Equal(6, root.GetProperty("correct").GetInt32());
        Assert.Equal(0.6, root.GetProperty("accuracy").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("logLoss").ValueKind);
        Assert.Equal(Report.MacroF1, root.GetProperty("macroAverage").GetProperty("f1").GetDouble());
        var classes = root.GetProperty("classes");
        Assert.Equal(10, classes.GetArrayLength());
        Assert.Equal("Trouser", classes[1].GetProperty("name").GetString());
        Assert.Equal(0.5, classes[1].GetProperty("precision").GetDouble());
        Assert.Equal(4, classes[1].GetProperty("predicted").GetInt32());
        var rows = root.GetProperty("confusionMatrix").GetProperty("rows");
        Assert.Equal(2, rows[0][0].GetInt32());
        Assert.Equal(1, rows[2][1].GetInt32());
        Assert.Equal("Bag", root.GetProperty("confusionMatrix").GetProperty("classNames")[8].GetString());
    }

    [Fact]
    public void ReportJson_LogLoss()
    {
        using var folder = new TempFolder();
        var path = folder.File("report.json");
        var logProbabilities = Enumerable.Repeat(MathF.Log(0.1f), 10).ToArray();
        var report = ClassificationReport.Compute([3], [3], logProbabilities);

        ClassificationReportWriter.WriteJson(report, path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));

        Assert.Equal(report.LogLoss!.Value, json.RootElement.GetProperty("logLoss").GetDouble());
    }
}
