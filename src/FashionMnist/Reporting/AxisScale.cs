using System.Globalization;

namespace FashionMnist.Reporting;

/// <summary>
/// A linear axis from <see cref="Min"/> to <see cref="Max"/> with tick marks every <see cref="Step"/>, placed on
/// "nice" values (1, 2 or 5 times a power of ten).
/// </summary>
internal sealed record AxisScale(double Min, double Max, double Step)
{
    /// <summary>
    /// Builds a scale that covers <paramref name="low"/> to <paramref name="high"/> plus a margin of
    /// <paramref name="padding"/> of the range on each side, with at most about <paramref name="maxTicks"/> ticks.
    /// A zero range is widened so that a single value sits in the middle.
    /// </summary>
    public static AxisScale Create(double low, double high, int maxTicks = 6, double padding = 0.05,
        double minimumStep = 0)
    {
        if (high < low)
            (low, high) = (high, low);
        if (high - low < 1e-12)
        {
            var half = Math.Max(Math.Abs(low) * 0.05, minimumStep > 0 ? minimumStep : 0.01);
            low -= half;
            high += half;
        }
        else
        {
            var margin = (high - low) * padding;
            low -= margin;
            high += margin;
        }

        var step = Math.Max(NiceStep((high - low) / Math.Max(1, maxTicks - 1)), minimumStep);
        return new AxisScale(low, high, step);
    }

    /// <summary>Returns the tick values that fall inside the scale.</summary>
    public IEnumerable<double> Ticks()
    {
        var first = Math.Ceiling(Min / Step - 1e-9) * Step;
        for (var i = 0; ; i++)
        {
            var tick = first + i * Step;
            if (tick > Max + Step * 1e-9)
                yield break;
            // Snap values such as 0.30000000000000004 so that labels print cleanly.
            yield return Math.Round(tick / Step) * Step;
        }
    }

    /// <summary>Returns the position of <paramref name="value"/> between <paramref name="start"/> (at Min) and
    /// <paramref name="end"/> (at Max) in pixels.</summary>
    public float Map(double value, float start, float end) =>
        (float)(start + (value - Min) / (Max - Min) * (end - start));

    /// <summary>Formats a tick value with as many decimals as the step needs.</summary>
    public string Format(double value)
    {
        var decimals = Math.Max(0, (int)-Math.Floor(Math.Log10(Step) + 1e-9));
        return value.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    private static double NiceStep(double rough)
    {
        var exponent = Math.Floor(Math.Log10(rough));
        var fraction = rough / Math.Pow(10, exponent);
        double nice = 10;
        if (fraction < 1.5)
            nice = 1;
        else if (fraction < 3)
            nice = 2;
        else if (fraction < 7)
            nice = 5;
        return nice * Math.Pow(10, exponent);
    }
}
