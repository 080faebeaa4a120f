using FashionMnist.Data;

namespace FashionMnist.Reporting;

/// <summary>
/// Scores of a classifier on one labelled set: accuracy, per-class precision, recall, F1 and support, their
/// macro averages, and the confusion matrix whose rows are true classes and whose columns are predicted classes.
/// </summary>
/// <remarks>
/// Zero division gives 0, as scikit-learn does with <c>zero_division=0</c>: precision is 0 for a class that was
/// never predicted, recall is 0 for a class that never occurs, and F1 is 0 when precision and recall are both 0.
/// Macro averages are unweighted means over the classes that occur in the true or the predicted labels (as
/// scikit-learn's default label set), so a class absent from both does not pull the averages down.
/// </remarks>
public sealed class ClassificationReport
{
    private readonly int[][] _matrix;

    private ClassificationReport(int[][] matrix, IReadOnlyList<string> classNames, double? logLoss)
    {
        _matrix = matrix;
        ClassNames = classNames;
        LogLoss = logLoss;
        Classes = ComputeClasses(matrix, classNames);
        Count = matrix.Sum(row => row.Sum());
        Correct = Enumerable.Range(0, matrix.Length).Sum(i => matrix[i][i]);
        Accuracy = Count == 0 ? 0 : (double)Correct / Count;

        var present = Classes.Where(c => c.Support > 0 || c.Predicted > 0).ToList();
        MacroPrecision = MeanOrZero(present.Select(c => c.Precision));
        MacroRecall = MeanOrZero(present.Select(c => c.Recall));
        MacroF1 = MeanOrZero(present.Select(c => c.F1));
    }

    /// <summary>Class names indexed by label, by default <see cref="ImageSet.ClassNames"/>.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Number of classes, the side of the confusion matrix.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>Number of labelled images scored.</summary>
    public int Count { get; }

    /// <summary>Number of images whose predicted label equals the true label.</summary>
    public int Correct { get; }

    /// <summary>Share of images classified correctly, 0 to 1.</summary>
    public double Accuracy { get; }

    /// <summary>Mean negative log-likelihood of the true class, null when no log-probabilities were given.</summary>
    public double? LogLoss { get; }

    /// <summary>Per-class scores, indexed by label.</summary>
    public IReadOnlyList<ClassMetrics> Classes { get; }

    /// <summary>Unweighted mean of the per-class precisions over the classes present.</summary>
    public double MacroPrecision { get; }

    /// <summary>Unweighted mean of the per-class recalls over the classes present.</summary>
    public double MacroRecall { get; }

    /// <summary>Unweighted mean of the per-class F1 scores over the classes present.</summary>
    public double MacroF1 { get; }

    /// <summary>Returns the number of images of class <paramref name="trueClass"/> predicted as
    /// <paramref name="predictedClass"/>.</summary>
    public int Confusion(int trueClass, int predictedClass) => _matrix[trueClass][predictedClass];

    /// <summary>Returns a copy of the confusion matrix: rows are true classes, columns predicted classes.</summary>
    public int[][] GetConfusionMatrix() => _matrix.Select(row => row.ToArray()).ToArray();

    /// <summary>
    /// Computes the report from true and predicted labels and, optionally, the model's log-probabilities.
    /// </summary>
    /// <param name="trueLabels">True class index of each image, 0 to class count − 1.</param>
    /// <param name="predictedLabels">Predicted class index of each image, same length.</param>
    /// <param name="logProbabilities">Row-major [images × classes] natural-log probabilities, or null.</param>
    /// <param name="classNames">Class names, or null for <see cref="ImageSet.ClassNames"/>.</param>
    /// <exception cref="ArgumentException">Lengths differ, a label is out of range, or there are no labels.
    /// </exception>
    public static ClassificationReport Compute(
        IReadOnlyList<int> trueLabels,
        IReadOnlyList<int> predictedLabels,
        IReadOnlyList<float>? logProbabilities = null,
        IReadOnlyList<string>? classNames = null)
    {
        classNames ??= ImageSet.ClassNames;
        var classCount = classNames.Count;
        if (trueLabels.Count == 0)
            throw new ArgumentException("No labels to score: the true-label list is empty.", nameof(trueLabels));
        if (predictedLabels.Count != trueLabels.Count)
            throw new ArgumentException(
                $"{predictedLabels.Count} predicted labels do not match {trueLabels.Count} true labels. " +
                "Pass one prediction per image.", nameof(predictedLabels));

        var matrix = NewMatrix(classCount);
        for (var i = 0; i < trueLabels.Count; i++)
        {
            var truth = CheckLabel(trueLabels[i], i, classCount, nameof(trueLabels));
            var predicted = CheckLabel(predictedLabels[i], i, classCount, nameof(predictedLabels));
            matrix[truth][predicted]++;
        }

        double? logLoss = logProbabilities is null ? null : MeanLogLoss(trueLabels, logProbabilities, classCount);
        return new ClassificationReport(matrix, classNames, logLoss);
    }

    /// <summary>
    /// Builds the report from a confusion matrix such as <c>FinalMetrics.ConfusionMatrix</c>: rows are true
    /// classes, columns predicted classes. <see cref="LogLoss"/> is null.
    /// </summary>
    /// <exception cref="ArgumentException">The matrix is not square with one row per class, or a count is negative.
    /// </exception>
    public static ClassificationReport FromConfusionMatrix(int[][] matrix, IReadOnlyList<string>? classNames = null)
    {
        classNames ??= ImageSet.ClassNames;
        var classCount = classNames.Count;
        if (matrix.Length != classCount || matrix.Any(row => row.Length != classCount))
            throw new ArgumentException(
                $"The confusion matrix must be {classCount}×{classCount} (one row and column per class), " +
                $"but it has {matrix.Length} rows of lengths {string.Join(", ", matrix.Select(r => r.Length))}.",
                nameof(matrix));
        if (matrix.Any(row => row.Any(count => count < 0)))
            throw new ArgumentException("The confusion matrix contains a negative count.", nameof(matrix));

        return new ClassificationReport(matrix.Select(row => row.ToArray()).ToArray(), classNames, null);
    }

    private static List<ClassMetrics> ComputeClasses(int[][] matrix, IReadOnlyList<string> classNames)
    {
        var classes = new List<ClassMetrics>(matrix.Length);
        for (var c = 0; c < matrix.Length; c++)
        {
            var truePositives = matrix[c][c];
            var support = matrix[c].Sum();
            var predicted = matrix.Sum(row => row[c]);
            var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
            var recall = support == 0 ? 0 : (double)truePositives / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            classes.Add(new ClassMetrics(c, classNames[c], precision, recall, f1, support, predicted, truePositives));
        }
        return classes;
    }

    private static double MeanLogLoss(IReadOnlyList<int> trueLabels, IReadOnlyList<float> logProbabilities,
        int classCount)
    {
        if (logProbabilities.Count != trueLabels.Count * classCount)
            throw new ArgumentException(
                $"{logProbabilities.Count} log-probabilities do not make {trueLabels.Count} rows of {classCount} " +
                "classes. Pass the model's [images × classes] output in row-major order.", nameof(logProbabilities));

        var sum = 0.0;
        for (var i = 0; i < trueLabels.Count; i++)
            sum -= logProbabilities[i * classCount + trueLabels[i]];
        return sum / trueLabels.Count;
    }

    private static int CheckLabel(int label, int index, int classCount, string parameter)
    {
        if (label < 0 || label >= classCount)
            throw new ArgumentException(
                $"Label {label} at position {index} is outside the class range 0–{classCount - 1}.", parameter);
        return label;
    }

    private static int[][] NewMatrix(int classCount) =>
        Enumerable.Range(0, classCount).Select(_ => new int[classCount]).ToArray();

    private static double MeanOrZero(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? 0 : list.Average();
    }
}
