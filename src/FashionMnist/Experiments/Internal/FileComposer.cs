namespace FashionMnist.Experiments.Internal;

/// <summary>
/// Reads an experiment file and the chain of files it extends, and deep-merges them with the child winning.
/// An <c>extends</c> path is relative to the directory of the file that contains it.
/// </summary>
internal sealed class FileComposer
{
    private const string ExtendsKey = "extends";

    private readonly ProblemList _problems;
    private readonly string _workingDirectory = Directory.GetCurrentDirectory();

    public FileComposer(ProblemList problems) => _problems = problems;

    /// <summary>
    /// Composes the file whose text is given. Returns null when the files cannot be read as mappings
    /// (syntax errors, missing parents, cycles); the reasons are in the problems.
    /// </summary>
    /// <param name="displayPath">The path as the user wrote it, used in messages.</param>
    /// <param name="extendsValue">The file's own <c>extends</c> value as written, or null.</param>
    public ConfigMapping? Compose(string text, string displayPath, out string? extendsValue)
    {
        var chain = new List<(string FullPath, string DisplayPath)> { (FullPath(displayPath), displayPath) };
        return ComposeText(text, displayPath, chain, out extendsValue);
    }

    private ConfigMapping? ComposeText(
        string text, string displayPath, List<(string FullPath, string DisplayPath)> chain, out string? extendsValue)
    {
        extendsValue = null;
        var root = YamlTreeReader.Read(text, displayPath, "", withPositions: true, _problems, out var failed);
        if (failed)
            return null;
        if (root is null or ConfigScalar { IsNull: true })
            return new ConfigMapping([], displayPath, 0, 0);

        if (root is not ConfigMapping mapping)
        {
            _problems.Add(root, "", (root as ConfigScalar)?.Value,
                $"the file must be a mapping of sections such as 'data:' and 'training:', but it is {root.Describe()}");
            return null;
        }

        var extendsEntry = mapping.Find(ExtendsKey);
        if (extendsEntry is null || extendsEntry.Value is ConfigScalar { IsNull: true })
            return mapping.Without(ExtendsKey);

        if (extendsEntry.Value is not ConfigScalar parentPath)
        {
            _problems.Add(extendsEntry.Value, ExtendsKey, null,
                $"expected the path of one experiment file, got {extendsEntry.Value.Describe()}");
            return null;
        }

        extendsValue = parentPath.Value;
        var parent = ComposeParent(parentPath, chain);
        return parent is null ? null : LayerMerger.Merge(parent, mapping.Without(ExtendsKey), switchComponents: true);
    }

    private ConfigMapping? ComposeParent(ConfigScalar reference, List<(string FullPath, string DisplayPath)> chain)
    {
        var child = chain[^1];
        var childDirectory = Path.GetDirectoryName(child.FullPath) ?? _workingDirectory;
        var fullPath = Path.GetFullPath(reference.Value, childDirectory);
        var displayPath = Path.IsPathRooted(child.DisplayPath)
            ? fullPath
            : Path.GetRelativePath(_workingDirectory, fullPath);

        if (chain.Any(c => c.FullPath == fullPath))
        {
            var cycle = chain.Select(c => c.DisplayPath).Append(displayPath);
            _problems.Add(reference, ExtendsKey, reference.Value,
                $"extends forms a cycle: {string.Join(" -> ", cycle)}; remove the extends that closes it");
            return null;
        }

        if (!File.Exists(fullPath))
        {
            var reason = Directory.Exists(fullPath) ? "is a directory, not a file" : "was not found";
            _problems.Add(reference, ExtendsKey, reference.Value,
                $"the file {displayPath} {reason}; the path is relative to the directory of "
                + child.DisplayPath);
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _problems.Add(reference, ExtendsKey, reference.Value, $"cannot read {displayPath}: {ex.Message}");
            return null;
        }

        chain.Add((fullPath, displayPath));
        var composed = ComposeText(text, displayPath, chain, out _);
        chain.RemoveAt(chain.Count - 1);
        return composed;
    }

    private string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path, _workingDirectory);
        }
        catch (ArgumentException)
        {
            // A source name that is not a path, such as "<inline>", still gets a stable identity.
            return path;
        }
    }
}
