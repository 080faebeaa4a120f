namespace FashionMnist.Cli.Output;

/// <summary>How much the tool prints and whether it may redraw a live progress line.</summary>
/// <param name="Quiet">Print only errors and the final result.</param>
/// <param name="Verbose">Also print the library's log messages at Information level.</param>
/// <param name="Live">The output is an interactive terminal, so a progress bar may redraw in place.</param>
public sealed record OutputMode(bool Quiet, bool Verbose, bool Live)
{
    /// <summary>
    /// Reads <c>--quiet</c> and <c>--verbose</c> from the arguments; live output needs a terminal and no
    /// <c>CI</c> environment variable.
    /// </summary>
    public static OutputMode FromArguments(IReadOnlyList<string> args)
    {
        var quiet = args.Contains("--quiet") || args.Contains("-q");
        var verbose = args.Contains("--verbose") || args.Contains("-v");
        var live = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        return new OutputMode(quiet, verbose, live && !quiet);
    }
}
