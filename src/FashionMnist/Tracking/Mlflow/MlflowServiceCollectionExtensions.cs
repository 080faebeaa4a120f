using FashionMnist.Tracking.Mlflow;
using FashionMnist.Tracking.Mlflow.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers MLflow tracking.</summary>
public static class MlflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MlflowClientFactory"/>, <see cref="MlflowSinkFactory"/> and <see cref="MlflowSync"/>
    /// as singletons, with the HTTP clients they use: each attempt limited by the options' request timeout,
    /// retried with exponential backoff and jitter on connection failures, timeouts and HTTP 408, 429 and 5xx,
    /// honouring Retry-After. The clients log no request lines; each retry is logged at Information.
    /// </summary>
    public static IServiceCollection AddMlflowTracking(this IServiceCollection services)
    {
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        AddHttpClient(services, MlflowHttp.ClientName, insecureTls: false);
        AddHttpClient(services, MlflowHttp.InsecureTlsClientName, insecureTls: true);
        services.TryAddSingleton<MlflowClientFactory>();
        services.TryAddSingleton<MlflowSinkFactory>();
        services.TryAddSingleton<MlflowSync>();
        return services;
    }

    private static void AddHttpClient(IServiceCollection services, string name, bool insecureTls)
    {
        var builder = services.AddHttpClient(name)
            // Each attempt has its own timeout in the pipeline; the client-wide one would cut retries short.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // Four Information lines per request would drown the training log; retries and failures are logged
            // by the client. Should a host add HTTP logging back, header values stay hidden.
            .RemoveAllLoggers()
            .RedactLoggedHeaders(_ => true);
        if (insecureTls)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            });
        }
        builder.AddResilienceHandler("mlflow-retry", MlflowHttp.ConfigurePipeline);
    }
}
