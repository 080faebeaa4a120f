using System.Runtime.InteropServices;
using FashionMnist.Cli;
using FashionMnist.Cli.Commands;
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

// `fmnist experiments/x.yaml` is short for `fmnist run experiments/x.yaml`, so `dotnet run -- file.yaml` works.
if (args.Length > 0 && (args[0].EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ||
                        args[0].EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
{
    args = ["run", .. args];
}

var mode = OutputMode.FromArguments(args);
var console = AnsiConsole.Console;
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole(options =>
{
    options.SingleLine = true;
    options.TimestampFormat = "HH:mm:ss ";
});
builder.Logging.SetMinimumLevel(mode.Verbose ? LogLevel.Information : mode.Quiet ? LogLevel.Error : LogLevel.Warning);
builder.Services.AddFashionMnist();
builder.Services.AddSingleton(console);
builder.Services.AddSingleton(mode);
builder.Services.AddSingleton<ConsoleReporter>();
builder.Services.AddSingleton<ITrainingObserver>(sp => sp.GetRequiredService<ConsoleReporter>());
builder.Services.AddSingleton<IMetricSinkFactory>(sp => sp.GetRequiredService<ConsoleReporter>());

var app = new CommandApp(new TypeRegistrar(builder));
app.Configure(config => CommandLine.Configure(config));

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops training cleanly; a second one ends the process at once.
    if (interrupt.IsCancellationRequested)
        return;
    e.Cancel = true;
    interrupt.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    interrupt.Cancel();
});

// Spectre.Console.Cli returns -1 for a command line it cannot parse or validate: a usage error.
var exitCode = await app.RunAsync(args, interrupt.Token);
return exitCode == -1 ? ExitCodes.ConfigurationError : exitCode;
