namespace FashionMnist.Data;

/// <summary>One record of a CSV file as the parser found it, kept for parsing on another thread.</summary>
/// <param name="Raw">The record's text, with its line end.</param>
/// <param name="RawRow">The parser's line count at the end of the record.</param>
/// <param name="FieldCount">Number of fields the parser found.</param>
internal readonly record struct CsvRecord(string Raw, int RawRow, int FieldCount)
{
    /// <summary>
    /// Returns the line or lines of the record for messages, such as <c>line 7</c>. A quote left open swallows
    /// every line after it, so a record over several lines is reported from its first line, with the likely cause.
    /// </summary>
    public string DescribeLines()
    {
        var raw = Raw.AsSpan();
        var quoteOpen = raw.Count('"') % 2 == 1;

        // With a quote open, the final line end belongs to the field instead of ending the record.
        var body = quoteOpen ? raw : raw.TrimEnd("\r\n");
        var first = RawRow - body.Count('\n');
        var last = first + body.TrimEnd("\r\n").Count('\n');
        if (last == first)
            return $"line {first}";
        return quoteOpen ? $"lines {first}-{last} (one record, because a quote is not closed)"
            : $"lines {first}-{last} (one record)";
    }
}
