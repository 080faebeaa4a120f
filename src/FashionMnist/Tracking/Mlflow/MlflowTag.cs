namespace FashionMnist.Tracking.Mlflow;

/// <summary>A run or experiment tag; setting a tag again replaces its value.</summary>
public sealed record MlflowTag(string Key, string Value);
