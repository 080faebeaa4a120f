using FashionMnist.Tracking;

namespace FashionMnist.Reporting;

/// <summary>The epoch metrics of one run, with the name that the learning-curve legend shows for it.</summary>
/// <param name="Name">Run name shown in the legend when several runs are overlaid.</param>
/// <param name="Epochs">Metrics in epoch order. NaN losses or accuracies are skipped when drawing.</param>
public sealed record LearningCurveSeries(string Name, IReadOnlyList<EpochMetrics> Epochs);
