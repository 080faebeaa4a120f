namespace FashionMnist.Tracking.Mlflow;

/// <summary>
/// One value of a metric. NaN and ±Infinity travel as the JSON strings "NaN", "Infinity" and "-Infinity".
/// </summary>
/// <param name="Key">Metric name, such as <c>dev_accuracy</c>; see <see cref="MlflowKeys"/> for the rules.</param>
/// <param name="Value">The value.</param>
/// <param name="Timestamp">Unix milliseconds when the value was measured.</param>
/// <param name="Step">Position on the x axis of the metric's chart; the epoch for per-epoch metrics.</param>
public sealed record MlflowMetric(string Key, double Value, long Timestamp, long Step);
