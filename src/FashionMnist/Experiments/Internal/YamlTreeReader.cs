using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FashionMnist.Experiments.Internal;

/// <summary>
/// Reads YAML text into <see cref="ConfigNode"/> trees with YamlDotNet's parser, keeping each node's line and
/// column. Syntax errors, duplicate keys, non-text keys and extra documents become problems, not exceptions.
/// </summary>
internal sealed class YamlTreeReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    private readonly string _source;
    private readonly string _basePath;
    private readonly bool _withPositions;
    private readonly ProblemList _problems;
    private readonly Dictionary<string, ConfigNode> _anchors = new(StringComparer.Ordinal);

    private YamlTreeReader(string source, string basePath, bool withPositions, ProblemList problems)
    {
        _source = source;
        _basePath = basePath;
        _withPositions = withPositions;
        _problems = problems;
    }

    /// <summary>
    /// Reads one YAML document. Returns null for text without a document (empty or only comments).
    /// <paramref name="failed"/> is true when the text could not be read at all; the reason is in the problems.
    /// </summary>
    /// <param name="basePath">Dotted key of the document's root in problems; empty for a whole file.</param>
    /// <param name="withPositions">False for override values, whose nodes get line 0 because they are not in a
    /// file.</param>
    public static ConfigNode? Read(
        string text, string source, string basePath, bool withPositions, ProblemList problems, out bool failed)
    {
        problems.AddSource(source);
        var reader = new YamlTreeReader(source, basePath, withPositions, problems);
        return reader.ReadStream(text, out failed);
    }

    private ConfigNode? ReadStream(string text, out bool failed)
    {
        failed = false;
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
                return null;

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, _basePath);
            parser.Consume<DocumentEnd>();

            if (parser.Accept<DocumentStart>(out var second))
            {
                _problems.Add(_source, Line(second.Start), Column(second.Start), _basePath, null,
                    "the file contains more than one YAML document; keep one and remove the '---' lines after it");
                failed = true;
            }
            return root;
        }
        catch (YamlException ex)
        {
            var tab = ex.Message.Contains("tab", StringComparison.Ordinal)
                ? IndentingTab(text, (int)ex.End.Line) ?? IndentingTab(text, (int)ex.Start.Line)
                : null;
            if (tab is var (line, column))
            {
                // YamlDotNet may report the error at the start of the mapping it was reading. The search starts at
                // the error's end, which is at or before the tab, because tabs in block scalars above are valid.
                _problems.Add(_source, _withPositions ? line : 0, _withPositions ? column : 0, _basePath, null,
                    "invalid YAML: a tab in the indentation; YAML indents with spaces only. Replace the tab with spaces");
            }
            else
            {
                _problems.Add(_source, Line(ex.Start), Column(ex.Start), _basePath, null, $"invalid YAML: {ex.Message}");
            }
            failed = true;
            return null;
        }
    }

    /// <summary>
    /// Returns the 1-based line and column of the first tab among a line's leading whitespace, searching from
    /// line <paramref name="fromLine"/> on, if any.
    /// </summary>
    private static (int Line, int Column)? IndentingTab(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].AsSpan(0, indent).IndexOf('\t');
            if (tab >= 0)
                return (i + 1, tab + 1);
        }
        return null;
    }

    private ConfigNode ReadNode(IParser parser, string path)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            // "!!str 5" and "! 5" are text although unquoted.
            var taggedAsText = !scalar.Tag.IsEmpty && scalar.Tag.Value is StringTag or "!";
            var isPlain = scalar.Style == ScalarStyle.Plain && !taggedAsText;
            return Remember(scalar.Anchor, new ConfigScalar(scalar.Value, isPlain, _source, Line(scalar.Start),
                Column(scalar.Start)));
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
            return ResolveAlias(alias, path);

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            return Remember(sequenceStart.Anchor, ReadSequence(parser, sequenceStart, path));

        var mappingStart = parser.Consume<MappingStart>();
        return Remember(mappingStart.Anchor, ReadMapping(parser, mappingStart, path));
    }

    private ConfigSequence ReadSequence(IParser parser, SequenceStart start, string path)
    {
        var items = new List<ConfigNode>();
        while (!parser.TryConsume<SequenceEnd>(out _))
            items.Add(ReadNode(parser, $"{path}[{items.Count}]"));
        return new ConfigSequence(items, _source, Line(start.Start), Column(start.Start));
    }

    private ConfigMapping ReadMapping(IParser parser, MappingStart start, string path)
    {
        var entries = new List<ConfigEntry>();
        var seen = new Dictionary<string, ConfigScalar>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(parser, path);
            if (keyNode is not ConfigScalar key)
            {
                _problems.Add(keyNode, path, null, "a key must be plain text, not a list or a mapping");
                ReadNode(parser, path);
                continue;
            }

            var keyPath = path.Length == 0 ? key.Value : $"{path}.{key.Value}";
            var value = ReadNode(parser, keyPath);
            if (seen.TryGetValue(key.Value, out var first))
            {
                var where = first.Line > 0 ? $" at line {first.Line}, column {first.Column}" : "";
                _problems.Add(key, keyPath, null, $"duplicate key; it is first set{where}; remove one of them");
                continue;
            }

            seen.Add(key.Value, key);
            entries.Add(new ConfigEntry(key, value));
        }
        return new ConfigMapping(entries, _source, Line(start.Start), Column(start.Start));
    }

    private ConfigNode ResolveAlias(AnchorAlias alias, string path)
    {
        if (_anchors.TryGetValue(alias.Value.Value, out var target))
            return target;

        var node = new ConfigScalar("", true, _source, Line(alias.Start), Column(alias.Start));
        var name = alias.Value.Value;
        _problems.Add(node, path, name, $"alias '*{name}' refers to no anchor defined before it");
        return node;
    }

    private ConfigNode Remember(AnchorName anchor, ConfigNode node)
    {
        if (!anchor.IsEmpty)
            _anchors[anchor.Value] = node;
        return node;
    }

    private int Line(Mark mark) => _withPositions ? (int)mark.Line : 0;

    private int Column(Mark mark) => _withPositions ? (int)mark.Column : 0;
}
