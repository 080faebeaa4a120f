namespace FashionMnist.Cli.Commands;

/// <summary>A command line that parses but asks for something impossible; reported as a configuration error.</summary>
internal sealed class UsageException(string message, Exception? inner = null) : Exception(message, inner);
