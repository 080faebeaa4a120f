using System.Runtime.InteropServices;
using FashionMnist.Cli;
using FashionMnist.Cli.Output;
using Spectre.Console;

var mode = OutputMode.FromArguments(args);
var console = AnsiConsole.Console;

// Redirected output has no width to fit, and Spectre's fallback of 80 columns would break table rows apart.
const int redirectedWidth = 200;
if (Console.IsOutputRedirected)
    console.Profile.Width = redirectedWidth;
var app = CliApplication.Create(console, mode);

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

return await CliApplication.RunAsync(app, console, args, interrupt.Token);
