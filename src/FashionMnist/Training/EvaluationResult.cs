namespace FashionMnist.Training;

/// <summary>Loss and accuracy of a model on one image set, with the predicted class of every image.</summary>
/// <param name="Loss">Mean negative log-likelihood per image.</param>
/// <param name="Accuracy">Share of images classified correctly, 0 to 1.</param>
/// <param name="Predictions">Predicted class per image, in the set's order.</param>
public sealed record EvaluationResult(double Loss, double Accuracy, byte[] Predictions)
{
    /// <summary>The result for an empty set: NaN loss and accuracy.</summary>
    public static EvaluationResult Empty { get; } = new(double.NaN, double.NaN, []);
}
