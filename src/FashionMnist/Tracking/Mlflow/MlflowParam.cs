namespace FashionMnist.Tracking.Mlflow;

/// <summary>A run parameter. Once logged, MLflow keeps its value for the life of the run.</summary>
public sealed record MlflowParam(string Key, string Value);
