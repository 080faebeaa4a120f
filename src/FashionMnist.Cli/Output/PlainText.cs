using Spectre.Console;

namespace FashionMnist.Cli.Output;

/// <summary>Writes text past Spectre's renderer, so long paths and URLs are not wrapped at the console width.</summary>
internal static class PlainText
{
    /// <summary>Writes <paramref name="text"/> and a line break as is: no markup, no wrapping.</summary>
    public static void WritePlainLine(this IAnsiConsole console, string text)
    {
        console.Profile.Out.Writer.WriteLine(text);
        console.Profile.Out.Writer.Flush();
    }
}
