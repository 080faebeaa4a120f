using System.Globalization;

namespace FashionMnist.Cli.Output;

/// <summary>Formats numbers for tables and reports in the invariant culture, with a dash for unknown values.</summary>
internal static class Numbers
{
    /// <summary>The text shown for a value that a run folder does not record.</summary>
    public const string Missing = "-";

    /// <summary>Formats a share such as an accuracy with four decimals; NaN (no dev set) shows as <c>n/a</c>.</summary>
    public static string Share(double? value) => value switch
    {
        null => Missing,
        { } v when double.IsNaN(v) => "n/a",
        { } v => v.ToString("F4", CultureInfo.InvariantCulture),
    };

    public static string Integer(int? value) =>
        value?.ToString(CultureInfo.InvariantCulture) ?? Missing;

    /// <summary>Formats seconds with one decimal.</summary>
    public static string Seconds(double? value) =>
        value is { } v ? v.ToString("F1", CultureInfo.InvariantCulture) : Missing;

    /// <summary>Formats a time in the machine's time zone, to the minute.</summary>
    public static string Time(DateTimeOffset? value) =>
        value?.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? Missing;
}
