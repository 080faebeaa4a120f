using System.Net;
using FashionMnist.Tracking.Mlflow.Internal;

namespace FashionMnist.Tracking.Mlflow;

/// <summary>The tracking server responded to a request with an error status.</summary>
public sealed class MlflowApiException : MlflowException
{
    public MlflowApiException(
        string message,
        HttpStatusCode statusCode,
        string? errorCode,
        string? serverMessage,
        string endpoint)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ServerMessage = serverMessage;
        Endpoint = endpoint;
    }

    /// <summary>HTTP status of the last attempt.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// MLflow's <c>error_code</c>, such as <c>INVALID_PARAMETER_VALUE</c>; null when the body was not MLflow JSON.
    /// </summary>
    public string? ErrorCode { get; }

    /// <summary>MLflow's <c>message</c>, or null.</summary>
    public string? ServerMessage { get; }

    /// <summary>Method and path of the request, such as <c>POST api/2.0/mlflow/runs/log-batch</c>.</summary>
    public string Endpoint { get; }

    /// <summary>True for statuses that a later attempt may get past: 408, 429 and 5xx.</summary>
    public bool IsTransient => MlflowHttp.IsTransientStatus((int)StatusCode);
}
