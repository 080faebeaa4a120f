namespace FashionMnist.Experiments.Internal;

/// <summary>A YAML node with the place it was read from, so problems can point at it.</summary>
internal abstract class ConfigNode
{
    protected ConfigNode(string source, int line, int column)
    {
        Source = source;
        Line = line;
        Column = column;
    }

    /// <summary>The file the node was read from, or <c>--set</c> for a command-line override.</summary>
    public string Source { get; }

    /// <summary>1-based line of the node's start; 0 when the node has no position in a file.</summary>
    public int Line { get; }

    /// <summary>1-based column of the node's start; 0 when the node has no position in a file.</summary>
    public int Column { get; }

    /// <summary>Describes the node for messages, such as <c>a list</c> or <c>'abc'</c>.</summary>
    public abstract string Describe();
}
