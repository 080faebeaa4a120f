namespace FashionMnist.Benchmarks;

/// <summary>One measured quantity of one implementation.</summary>
/// <param name="Key">Stable identifier shared with the PyTorch reference script, such as <c>csv_load_s</c>.</param>
/// <param name="Value">The median over repeats, or the single value for one-off measurements.</param>
/// <param name="Unit">Unit of <paramref name="Value"/>: s, images/s or MB.</param>
public sealed record Measurement(string Key, double Value, string Unit);
