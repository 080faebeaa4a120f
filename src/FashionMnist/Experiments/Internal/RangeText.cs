using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace FashionMnist.Experiments.Internal;

/// <summary>Describes and checks a <see cref="RangeAttribute"/> in the words used by problem messages.</summary>
internal static class RangeText
{
    /// <summary>Returns text such as <c>must be from 0 to 8</c> or <c>must be at least 0</c>.</summary>
    public static string Describe(RangeAttribute range)
    {
        var (min, max) = Bounds(range);
        var hasMin = min > int.MinValue;
        var hasMax = max < int.MaxValue;
        var lower = (range.MinimumIsExclusive ? "greater than " : "at least ") + Format(range.Minimum);
        var upper = (range.MaximumIsExclusive ? "less than " : "at most ") + Format(range.Maximum);

        if (hasMin && hasMax && !range.MinimumIsExclusive && !range.MaximumIsExclusive)
            return $"must be from {Format(range.Minimum)} to {Format(range.Maximum)}";
        if (hasMin && hasMax)
            return $"must be {lower} and {upper}";
        return hasMin ? $"must be {lower}" : $"must be {upper}";
    }

    /// <summary>True when the number lies inside the range, honouring exclusive bounds.</summary>
    public static bool Contains(RangeAttribute range, double value)
    {
        var (min, max) = Bounds(range);
        var aboveMin = range.MinimumIsExclusive ? value > min : value >= min;
        var belowMax = range.MaximumIsExclusive ? value < max : value <= max;
        return aboveMin && belowMax;
    }

    /// <summary>
    /// Formats a number in invariant culture; doubles use the shortest text that reads back the same.
    /// </summary>
    public static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static (double Min, double Max) Bounds(RangeAttribute range) =>
        (Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture),
         Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture));
}
