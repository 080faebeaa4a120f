using System.ComponentModel;
using FashionMnist.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli.Commands;

/// <summary>Options of <c>fmnist data download</c>.</summary>
public sealed class DataDownloadSettings : GlobalSettings
{
    /// <summary>Where the Fashion-MNIST project publishes its four .gz files.</summary>
    public const string DefaultBaseUrl = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";

    /// <summary>The folder written when neither <c>--dir</c> nor <c>$FASHION_MNIST_DIR</c> is set.</summary>
    public const string DefaultDirectory = "data/fashion-mnist";

    [CommandOption("-d|--dir <DIR>")]
    [Description("Folder to write the four .gz files to; created if needed. Default: $FASHION_MNIST_DIR, else "
                 + "data/fashion-mnist (relative to the working directory).")]
    public string? Directory { get; init; }

    [CommandOption("--base-url <URL>")]
    [Description("HTTP(S) folder holding the four .gz files. Default: " + DefaultBaseUrl + ".")]
    public string BaseUrl { get; init; } = DefaultBaseUrl;

    [CommandOption("--timeout <SECONDS>")]
    [Description("Time allowed for each file's download, in seconds. Default: 600.")]
    public int TimeoutSeconds { get; init; } = 600;

    /// <summary>
    /// Returns the folder to write: <c>--dir</c>, else <c>$FASHION_MNIST_DIR</c>, else <see cref="DefaultDirectory"/>.
    /// </summary>
    public string ResolveDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(DatasetLocator.EnvironmentVariable);
        var chosen = Directory ?? (string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultDirectory : fromEnvironment);
        return Path.GetFullPath(chosen);
    }

    /// <summary>Returns the base URL with a trailing slash, so file names resolve inside it.</summary>
    public Uri ResolveBaseUrl() => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/");

    public override ValidationResult Validate()
    {
        var valid = Uri.TryCreate(BaseUrl, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
        if (!valid)
            return ValidationResult.Error($"--base-url {BaseUrl}: expected an http:// or https:// URL of a folder.");
        if (TimeoutSeconds < 1)
            return ValidationResult.Error($"--timeout {TimeoutSeconds}: expected a number of seconds of at least 1.");
        return ValidationResult.Success();
    }
}
