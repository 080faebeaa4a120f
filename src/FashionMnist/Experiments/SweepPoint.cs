namespace FashionMnist.Experiments;

/// <summary>One point of a sweep: the overrides that turn the experiment into this child run.</summary>
/// <param name="Index">0-based position of the point in the whole sweep, kept when the sweep is sharded.</param>
/// <param name="Overrides">Overrides such as <c>optimizer.lr=0.001</c>, one for each swept key, in key order.</param>
public sealed record SweepPoint(int Index, IReadOnlyList<string> Overrides);
