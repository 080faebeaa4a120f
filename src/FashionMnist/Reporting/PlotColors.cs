using SkiaSharp;

namespace FashionMnist.Reporting;

/// <summary>Colours shared by the plots.</summary>
internal static class PlotColors
{
    public static readonly SKColor Background = SKColors.White;
    public static readonly SKColor Text = new(0x22, 0x22, 0x22);
    public static readonly SKColor Axis = new(0x44, 0x44, 0x44);
    public static readonly SKColor Grid = new(0xE3, 0xE3, 0xE3);
    public static readonly SKColor Muted = new(0x70, 0x70, 0x70);
    public static readonly SKColor Error = new(0xC0, 0x1C, 0x1C);

    // Matplotlib's "tab10" qualitative palette, distinct for up to ten series.
    private static readonly SKColor[] Series =
    [
        new(0x1F, 0x77, 0xB4), new(0xFF, 0x7F, 0x0E), new(0x2C, 0xA0, 0x2C), new(0xD6, 0x27, 0x28),
        new(0x94, 0x67, 0xBD), new(0x8C, 0x56, 0x4B), new(0xE3, 0x77, 0xC2), new(0x7F, 0x7F, 0x7F),
        new(0xBC, 0xBD, 0x22), new(0x17, 0xBE, 0xCF),
    ];

    // ColorBrewer "Blues", from near white to dark blue; lightness falls at every stop.
    private static readonly SKColor[] Blues =
    [
        new(0xF7, 0xFB, 0xFF), new(0xDE, 0xEB, 0xF7), new(0xC6, 0xDB, 0xEF), new(0x9E, 0xCA, 0xE1),
        new(0x6B, 0xAE, 0xD6), new(0x42, 0x92, 0xC6), new(0x21, 0x71, 0xB5), new(0x08, 0x51, 0x9C),
        new(0x08, 0x30, 0x6B),
    ];

    /// <summary>Returns the colour of series <paramref name="index"/>; colours repeat after ten series.</summary>
    public static SKColor ForSeries(int index) => Series[index % Series.Length];

    /// <summary>Returns the heat-map colour for <paramref name="t"/> from 0 (lightest) to 1 (darkest).</summary>
    public static SKColor Heat(double t)
    {
        t = Math.Clamp(double.IsNaN(t) ? 0 : t, 0, 1);
        var position = t * (Blues.Length - 1);
        var lower = Math.Min((int)position, Blues.Length - 2);
        var fraction = position - lower;
        var a = Blues[lower];
        var b = Blues[lower + 1];
        return new SKColor(Lerp(a.Red, b.Red, fraction), Lerp(a.Green, b.Green, fraction),
            Lerp(a.Blue, b.Blue, fraction));
    }

    private static byte Lerp(byte a, byte b, double fraction) => (byte)Math.Round(a + (b - a) * fraction);
}
