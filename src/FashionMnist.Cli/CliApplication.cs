using FashionMnist.Cli.DataFiles;
using FashionMnist.Cli.Infrastructure;
using FashionMnist.Cli.Output;
using FashionMnist.Hosting;
using FashionMnist.Tracking;
using FashionMnist.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FashionMnist.Cli;

/// <summary>
/// Builds <c>fmnist</c>: the generic host with the framework's services, the console and the commands. The
/// process entry point and the tests build the same application, so tests run the real commands.
/// </summary>
internal static class CliApplication
{
    /// <summary>Creates the command app writing to <paramref name="console"/>.</summary>
    /// <param name="configure">Runs after the standard registrations, so tests can replace a service.</param>
    public static CommandApp Create(IAnsiConsole console, OutputMode mode, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
        var level = LogLevel.Warning;
        if (mode.Verbose)
            level = LogLevel.Information;
        else if (mode.Quiet)
            level = LogLevel.Error;
        builder.Logging.SetMinimumLevel(level);

        builder.Services.AddFashionMnist();
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton(mode);
        builder.Services.AddSingleton(PublishedChecksums.Official);
        builder.Services.AddSingleton<ConsoleReporter>();
        builder.Services.AddSingleton<ITrainingObserver>(sp => sp.GetRequiredService<ConsoleReporter>());
        builder.Services.AddSingleton<IMetricSinkFactory>(sp => sp.GetRequiredService<ConsoleReporter>());
        configure?.Invoke(builder.Services);

        var app = new CommandApp(new TypeRegistrar(builder));
        app.Configure(config => CommandLine.Configure(config, console));
        return app;
    }

    /// <summary>
    /// Runs <paramref name="args"/> and returns the documented exit code. A first argument ending in
    /// <c>.yaml</c> or <c>.yml</c> is short for <c>run</c> with that file.
    /// </summary>
    public static async Task<int> RunAsync(CommandApp app, IAnsiConsole console, IReadOnlyList<string> args,
        CancellationToken cancellationToken)
    {
        if (MissingOptionValue(args) is { } message)
        {
            console.WriteLine($"Error: {message}");
            return ExitCodes.ConfigurationError;
        }

        var exitCode = await app.RunAsync(ExpandShorthand(args), cancellationToken);

        // Spectre.Console.Cli returns -1 for a command line it cannot parse or validate: a usage error.
        return exitCode == -1 ? ExitCodes.ConfigurationError : exitCode;
    }

    /// <summary>
    /// Returns a message when an option that takes a value, such as <c>--set</c> or <c>--run-name</c>, ends the
    /// command line or is followed by another option: the parser would otherwise take an internal token as its
    /// value.
    /// </summary>
    public static string? MissingOptionValue(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (!ValueOptions.TryGetValue(args[i], out var valueName))
                continue;
            if (i + 1 == args.Count || args[i + 1].StartsWith('-'))
                return $"{args[i]} needs a value: {valueName}" + (valueName == "KEY=VALUE" ? ", e.g. --set optimizer.lr=0.001." : ".");
        }
        return null;
    }

    // Every spelling of every option that takes a value, from the commands' settings, with its value name.
    private static readonly Dictionary<string, string> ValueOptions = typeof(CliApplication).Assembly.GetTypes()
        .Where(type => typeof(CommandSettings).IsAssignableFrom(type))
        .SelectMany(type => type.GetProperties())
        .Select(property => property.GetCustomAttributes(typeof(CommandOptionAttribute), inherit: true)
            .OfType<CommandOptionAttribute>().SingleOrDefault())
        .Where(option => option is { ValueName: not null, ValueIsOptional: false })
        .SelectMany(option => option!.LongNames.Select(name => "--" + name)
            .Concat(option.ShortNames.Select(name => "-" + name))
            .Select(name => (Name: name, option.ValueName)))
        .DistinctBy(entry => entry.Name)
        .ToDictionary(entry => entry.Name, entry => entry.ValueName!);

    /// <summary>
    /// Turns <c>fmnist x.yaml ...</c> into <c>fmnist run x.yaml ...</c>, so <c>dotnet run -- x.yaml</c> works.
    /// </summary>
    public static IReadOnlyList<string> ExpandShorthand(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
            return args;
        var first = args[0];
        var isExperiment = first.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || first.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        return isExperiment ? ["run", .. args] : args;
    }
}
