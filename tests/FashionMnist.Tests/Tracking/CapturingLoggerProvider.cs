using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FashionMnist.Tests.Tracking;

/// <summary>Keeps every log entry of every level, so tests can count warnings and look for leaked secrets.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    /// <summary>Every message and exception text, one per line.</summary>
    public string AllText =>
        string.Join('\n', _entries.Select(e => $"{e.Category} {e.Level}: {e.Message} {e.Exception}"));

    public IReadOnlyList<LogEntry> At(LogLevel level) => _entries.Where(e => e.Level == level).ToList();

    /// <summary>Entries of one event, by the name of its LoggerMessage method, such as Retrying.</summary>
    public IReadOnlyList<LogEntry> Named(string eventName) => _entries.Where(e => e.EventId.Name == eventName).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    internal sealed record LogEntry(
        string Category,
        LogLevel Level,
        EventId EventId,
        string Message,
        Exception? Exception);

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            // Structured values are captured too, since a secret could hide in a property that the text omits.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? " {" + string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) + "}"
                : "";
            var message = formatter(state, exception) + values;
            provider._entries.Enqueue(new LogEntry(category, logLevel, eventId, message, exception));
        }
    }
}
