using FashionMnist.Experiments;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Training;

/// <summary>Converts uint8 pixels into the float inputs of a model, scaled as <c>data.scale</c> sets.</summary>
public sealed class PixelScaling
{
    private readonly double _divisor;
    private readonly double _offset;

    private PixelScaling(double divisor, double offset)
    {
        _divisor = divisor;
        _offset = offset;
    }

    /// <summary>Builds the scaling of <paramref name="options"/>: raw keeps 0–255, unit maps to 0–1, standardize to (x/255 − mean) / std.</summary>
    public static PixelScaling From(DataOptions options) => options.Scale switch
    {
        "raw" => new PixelScaling(1, 0),
        "unit" => new PixelScaling(255, 0),
        "standardize" => new PixelScaling(255 * options.Std, options.Mean / options.Std),
        _ => throw new ArgumentException($"data.scale '{options.Scale}' is not one of raw, unit, standardize."),
    };

    /// <summary>Returns a new float32 tensor of scaled pixels.</summary>
    public Tensor Apply(Tensor bytes)
    {
        using var floats = bytes.to_type(ScalarType.Float32);
        if (_divisor == 1 && _offset == 0)
            return floats.alias();
        using var divided = floats.div(_divisor);
        return _offset == 0 ? divided.alias() : divided.sub(_offset);
    }
}
