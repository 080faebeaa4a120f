using FashionMnist.Tracking.Mlflow.Internal;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Tracking.Mlflow;

/// <summary>
/// Creates <see cref="MlflowClient"/> instances on the retrying HTTP clients that AddMlflowTracking registers.
/// </summary>
public sealed class MlflowClientFactory
{
    private readonly IHttpClientFactory _httpClients;
    private readonly ILoggerFactory _loggers;

    public MlflowClientFactory(IHttpClientFactory httpClients, ILoggerFactory loggers)
    {
        _httpClients = httpClients;
        _loggers = loggers;
    }

    /// <summary>
    /// Returns a client for the server of <paramref name="options"/>, which must have a tracking URI.
    /// </summary>
    public MlflowClient Create(MlflowOptions options)
    {
        if (options.IsLocalOnly)
        {
            throw new ArgumentException(
                "No MLflow tracking URI is set; set --tracking-uri, tracking.uri or MLFLOW_TRACKING_URI.",
                nameof(options));
        }
        var name = options.InsecureTls ? MlflowHttp.InsecureTlsClientName : MlflowHttp.ClientName;
        return new MlflowClient(_httpClients.CreateClient(name), options, _loggers.CreateLogger<MlflowClient>());
    }
}
