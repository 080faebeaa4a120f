namespace FashionMnist.Training;

/// <summary>What one pass over the training rows produced.</summary>
/// <param name="Loss">Mean training loss per image.</param>
/// <param name="Accuracy">Share of training images classified correctly while training (dropout on).</param>
/// <param name="Images">Images processed.</param>
/// <param name="Seconds">Wall time of the pass.</param>
/// <param name="LearningRate">Rate used by the last step.</param>
public sealed record EpochResult(double Loss, double Accuracy, long Images, double Seconds, double LearningRate);
