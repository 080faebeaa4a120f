namespace FashionMnist.Data;

/// <summary>
/// A data file that is missing or malformed. The message names the file, the place in it (line, record or
/// byte offset), the bad value and what to do.
/// </summary>
public sealed class DataException : Exception
{
    public DataException(string message)
        : base(message)
    {
    }

    public DataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
