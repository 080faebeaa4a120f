using FashionMnist.Cli;
using FashionMnist.Cli.Output;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Testing;

namespace FashionMnist.Tests.Cli;

/// <summary>
/// Runs <c>fmnist</c> in memory: the real application and services, writing to a Spectre test console
/// 200 columns wide so tables and help lines do not wrap.
/// </summary>
internal static class Fmnist
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(null, args);

    /// <param name="configure">Replaces services after the standard registrations, such as the checksums.</param>
    public static Task<CliResult> RunAsync(Action<IServiceCollection>? configure, params string[] args) =>
        RunAsync(configure, live: false, args);

    /// <summary>Runs as on an interactive terminal, where commands may draw live progress displays.</summary>
    public static Task<CliResult> RunOnTerminalAsync(Action<IServiceCollection>? configure, params string[] args) =>
        RunAsync(configure, live: true, args);

    private static async Task<CliResult> RunAsync(Action<IServiceCollection>? configure, bool live, string[] args)
    {
        using var console = new TestConsole().Width(200);
        if (live)
            console.Interactive();
        var mode = new OutputMode(Quiet: false, Verbose: false, Live: live);
        var app = CliApplication.Create(console, mode, configure);
        var exitCode = await CliApplication.RunAsync(app, console, args, CancellationToken.None);
        return new CliResult(exitCode, console.Output);
    }
}
