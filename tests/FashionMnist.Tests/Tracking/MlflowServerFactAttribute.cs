namespace FashionMnist.Tests.Tracking;

/// <summary>
/// A fact that runs only when MLFLOW_TEST_TRACKING_URI names a real MLflow server, with the reason when it is skipped.
/// </summary>
public sealed class MlflowServerFactAttribute : FactAttribute
{
    public const string Variable = "MLFLOW_TEST_TRACKING_URI";

    public MlflowServerFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set. Start a server ('pip install mlflow', then 'mlflow server --host 127.0.0.1 "
                + $"--port 5000') and set {Variable}=http://127.0.0.1:5000 to run this test against it.";
        }
    }
}
