namespace FashionMnist.Cli.Commands;

/// <summary>
/// A command-line argument or option that cannot be used: a run folder that does not exist, a value out of
/// range. The message names the argument, the value and the fix; the exit code is
/// <see cref="ExitCodes.ConfigurationError"/>.
/// </summary>
public sealed class CommandLineException : Exception
{
    public CommandLineException(string message)
        : base(message)
    {
    }

    public CommandLineException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
