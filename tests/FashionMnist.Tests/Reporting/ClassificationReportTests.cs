using FashionMnist.Data;
using FashionMnist.Reporting;

namespace FashionMnist.Tests.Reporting;

public class ClassificationReportTests
{
    // Three classes used out of ten: every class has two hits and one or two misses.
    private static readonly int[] Truth = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
    private static readonly int[] Predicted = [0, 0, 1, 2, 1, 1, 0, 2, 2, 1];

    [Fact]
    public void Compute_Accuracy()
    {
        var report = ClassificationReport.Compute(Truth, Predicted);

        Assert.Equal(10, report.Count);
        Assert.Equal(6, report.Correct);
        Assert.Equal(0.6, report.Accuracy);
        Assert.Null(report.LogLoss);
    }

    [Fact]
    public void Compute_PerClassScores()
    {
        var report = ClassificationReport.Compute(Truth, Predicted);
        var (c0, c1, c2) = (report.Classes[0], report.Classes[1], report.Classes[2]);

        Assert.Equal(2.0 / 3, c0.Precision);
        Assert.Equal(0.5, c0.Recall);
        Assert.Equal(4.0 / 7, c0.F1, 1e-15);
        Assert.Equal(4, c0.Support);
        Assert.Equal(3, c0.Predicted);

        Assert.Equal(0.5, c1.Precision);
        Assert.Equal(2.0 / 3, c1.Recall);
        Assert.Equal(4.0 / 7, c1.F1, 1e-15);
        Assert.Equal(3, c1.Support);
        Assert.Equal(4, c1.Predicted);

        Assert.Equal(2.0 / 3, c2.Precision);
        Assert.Equal(2.0 / 3, c2.Recall);
        Assert.Equal(2.0 / 3, c2.F1, 1e-15);
        Assert.Equal(3, c2.Support);
    }

    [Fact]
    public void Compute_MacroOverPresentClasses()
    {
        var report = ClassificationReport.Compute(Truth, Predicted);

        Assert.Equal(11.0 / 18, report.MacroPrecision, 1e-15);
        Assert.Equal(11.0 / 18, report.MacroRecall, 1e-15);
        Assert.Equal(38.0 / 63, report.MacroF1, 1e-15);
    }

    [Fact]
    public void Compute_ConfusionMatrix()
    {
        var report = ClassificationReport.Compute(Truth, Predicted);
        var matrix = report.GetConfusionMatrix();

        Assert.Equal([2, 1, 1], matrix[0][..3]);
        Assert.Equal([1, 2, 0], matrix[1][..3]);
        Assert.Equal([0, 1, 2], matrix[2][..3]);
        Assert.Equal(10, matrix.Sum(row => row.Sum()));
        Assert.Equal(1, report.Confusion(1, 0));
        Assert.Equal(ImageSet.ClassCount, matrix.Length);
    }

    [Fact]
    public void Compute_NeverPredictedClassScoresZero()
    {
        var report = ClassificationReport.Compute([0, 1], [0, 0]);
        var never = report.Classes[1];

        Assert.Equal(0, never.Precision);
        Assert.Equal(0, never.Recall);
        Assert.Equal(0, never.F1);
        Assert.Equal(0.5, report.Classes[0].Precision);
        Assert.Equal(2.0 / 3, report.Classes[0].F1, 1e-15);
        Assert.Equal(0.25, report.MacroPrecision);
        Assert.Equal(0.5, report.MacroRecall);
    }

    [Fact]
    public void Compute_PredictedButAbsentClass()
    {
        var report = ClassificationReport.Compute([0, 0], [0, 3]);

        Assert.Equal(0, report.Classes[3].Precision);
        Assert.Equal(0, report.Classes[3].Recall);
        Assert.Equal(0, report.Classes[3].Support);
        Assert.Equal(1, report.Classes[3].Predicted);
        Assert.Equal(0.5, report.MacroPrecision);
        Assert.Equal(0.25, report.MacroRecall);
        Assert.Equal(1.0 / 3, report.MacroF1, 1e-15);
    }

    [Fact]
    public void Compute_LogLossFromLogProbabilities()
    {
        var logProbabilities = new float[20];
        Array.Fill(logProbabilities, -5f);
        logProbabilities[0 * 10 + 0] = MathF.Log(0.5f);
        logProbabilities[1 * 10 + 7] = MathF.Log(0.25f);

        var report = ClassificationReport.Compute([0, 7], [0, 7], logProbabilities);

        Assert.NotNull(report.LogLoss);
        Assert.Equal(-(MathF.Log(0.5f) + (double)MathF.Log(0.25f)) / 2, report.LogLoss!.Value, 1e-12);
    }

    [Fact]
    public void Compute_ClassNamesDefault()
    {
        var report = ClassificationReport.Compute([9], [9]);

        Assert.Equal("Ankle boot", report.Classes[9].Name);
        Assert.Equal("T-shirt/top", report.ClassNames[0]);
    }

    [Fact]
    public void Compute_LengthMismatchRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0, 1, 2], [0, 1]));

        Assert.Contains("2 predicted labels", error.Message);
        Assert.Contains("3 true labels", error.Message);
    }

    [Fact]
    public void Compute_LabelOutOfRangeRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([0, 10], [0, 1]));

        Assert.Contains("Label 10 at position 1", error.Message);
    }

    [Fact]
    public void Compute_EmptyRejected()
    {
        Assert.Throws<ArgumentException>(() => ClassificationReport.Compute([], []));
    }

    [Fact]
    public void Compute_LogProbabilityCountRejected()
    {
        var error = Assert.Throws<ArgumentException>(
            () => ClassificationReport.Compute([0, 1], [0, 1], new float[19]));

        Assert.Contains("19 log-probabilities", error.Message);
    }

    [Fact]
    public void FromConfusionMatrix_MatchesCompute()
    {
        var computed = ClassificationReport.Compute(Truth, Predicted);

        var rebuilt = ClassificationReport.FromConfusionMatrix(computed.GetConfusionMatrix());

        Assert.Equal(computed.Accuracy, rebuilt.Accuracy);
        Assert.Equal(computed.MacroF1, rebuilt.MacroF1);
        Assert.Equal(computed.Classes, rebuilt.Classes);
    }

    [Fact]
    public void FromConfusionMatrix_WrongShapeRejected()
    {
        var matrix = Enumerable.Range(0, 10).Select(_ => new int[9]).ToArray();

        var error = Assert.Throws<ArgumentException>(() => ClassificationReport.FromConfusionMatrix(matrix));

        Assert.Contains("10×10", error.Message);
    }
}
