using System.Text;
using System.Text.Json;

namespace FashionMnist.Tracking.Mlflow.Internal;

/// <summary>
/// The append-only record of a run's tracked operations, <c>&lt;run folder&gt;/tracking/journal.jsonl</c>, one JSON
/// object per line. Entries are written before they are sent, so an outage of the server loses none of them.
/// </summary>
internal sealed class RunJournal : IDisposable
{
    public const string FolderName = "tracking";
    public const string FileName = "journal.jsonl";

    private readonly List<JournalEntry> _entries;
    private readonly Lock _lock = new();
    private FileStream? _stream;

    private RunJournal(string filePath, List<JournalEntry> entries, FileStream? stream)
    {
        FilePath = filePath;
        _entries = entries;
        _stream = stream;
    }

    /// <summary>Full path of the journal file.</summary>
    public string FilePath { get; }

    /// <summary>Returns a copy of the entries in sequence order, including those whose write failed.</summary>
    public IReadOnlyList<JournalEntry> Snapshot()
    {
        lock (_lock)
            return _entries.ToList();
    }

    public static string PathFor(string runDirectory) => Path.Combine(runDirectory, FolderName, FileName);

    /// <summary>
    /// Opens the journal of <paramref name="runDirectory"/> for appending, creating it when missing. A last line
    /// cut short by a crash is removed so that the next entry starts on a line of its own.
    /// </summary>
    public static RunJournal Open(string runDirectory)
    {
        var path = PathFor(runDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var (entries, completeLength) = ReadEntries(stream);
            stream.SetLength(completeLength);
            stream.Seek(0, SeekOrigin.End);
            return new RunJournal(path, entries, stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>A journal kept in memory only, for a run whose folder cannot be written.</summary>
    public static RunJournal InMemory(string runDirectory) => new(PathFor(runDirectory), [], null);

    /// <summary>Reads the entries of a journal file without opening it for writing.</summary>
    public static IReadOnlyList<JournalEntry> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return ReadEntries(stream).Entries;
    }

    /// <summary>
    /// Adds <paramref name="entry"/> with the next sequence number and writes it; <paramref name="durable"/> also
    /// waits until the disk has it. The entry stays in memory when the write throws <see cref="IOException"/>.
    /// </summary>
    public JournalEntry Append(JournalEntry entry, bool durable)
    {
        lock (_lock)
        {
            var numbered = entry with { Seq = _entries.Count == 0 ? 1 : _entries[^1].Seq + 1 };
            _entries.Add(numbered);
            if (_stream is not null)
            {
                var line = JsonSerializer.SerializeToUtf8Bytes(numbered, MlflowJson.Options);
                _stream.Write(line);
                _stream.WriteByte((byte)'\n');
                _stream.Flush(flushToDisk: durable);
            }
            return numbered;
        }
    }

    /// <summary>Writes buffered entries to the disk.</summary>
    public void Flush()
    {
        lock (_lock)
            _stream?.Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _stream?.Dispose();
            _stream = null;
        }
    }

    private static (List<JournalEntry> Entries, long CompleteLength) ReadEntries(FileStream stream)
    {
        var entries = new List<JournalEntry>();
        using var reader = new StreamReader(
            stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var text = reader.ReadToEnd();
        var complete = text.LastIndexOf('\n') + 1;
        foreach (var line in text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // NOTE: a line that does not parse is skipped; only a crash mid-write is known to produce one.
            try
            {
                if (JsonSerializer.Deserialize<JournalEntry>(line, MlflowJson.Options) is { } entry)
                    entries.Add(entry);
            }
            catch (JsonException)
            {
            }
        }
        return (entries, Encoding.UTF8.GetByteCount(text.AsSpan(0, complete)));
    }
}
