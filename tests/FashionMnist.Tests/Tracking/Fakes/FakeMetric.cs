namespace FashionMnist.Tests.Tracking.Fakes;

/// <summary>A stored metric value; MLflow's SQL store keeps ±Infinity as ±double.MaxValue.</summary>
internal sealed record FakeMetric(string Key, double Value, long Timestamp, long Step);
