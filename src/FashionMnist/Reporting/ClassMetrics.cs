namespace FashionMnist.Reporting;

/// <summary>The scores of one class in a <see cref="ClassificationReport"/>.</summary>
/// <param name="Index">Class index, the label value.</param>
/// <param name="Name">Class name, for example "Ankle boot".</param>
/// <param name="Precision">True positives over predictions of this class, 0 to 1, or 0 when it was never
/// predicted.</param>
/// <param name="Recall">True positives over true members of this class, 0 to 1, or 0 when it never occurs.</param>
/// <param name="F1">Harmonic mean of precision and recall, 0 to 1, or 0 when both are 0.</param>
/// <param name="Support">Number of images whose true label is this class.</param>
/// <param name="Predicted">Number of images predicted as this class.</param>
/// <param name="TruePositives">Number of images of this class predicted as this class.</param>
public sealed record ClassMetrics(
    int Index,
    string Name,
    double Precision,
    double Recall,
    double F1,
    int Support,
    int Predicted,
    int TruePositives);
