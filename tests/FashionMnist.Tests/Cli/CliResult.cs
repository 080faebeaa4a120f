namespace FashionMnist.Tests.Cli;

/// <summary>What one in-memory <c>fmnist</c> invocation returned and printed.</summary>
/// <param name="ExitCode">The process exit code the command would have returned.</param>
/// <param name="Output">Everything written to the console, without colours.</param>
internal sealed record CliResult(int ExitCode, string Output)
{
    /// <summary>The output's lines, for asserting on one line at a time.</summary>
    public IReadOnlyList<string> Lines => Output.ReplaceLineEndings("\n").Split('\n');

    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}
