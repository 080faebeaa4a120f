using FashionMnist.Data;
using FashionMnist.Experiments;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Training;

/// <summary>
/// An image set held in memory as tensors: images as uint8 [N, 1, 28, 28] and labels as int64 [N].
/// Batches are slices of these tensors, converted to float32 and scaled only when drawn, so the whole
/// training set costs one byte per pixel.
/// </summary>
public sealed class ImageTensors : IDisposable
{
    private readonly Tensor _images;
    private readonly Tensor _labels;
    private readonly PixelScaling _scaling;

    public ImageTensors(ImageSet set, PixelScaling scaling)
    {
        Set = set;
        _scaling = scaling;
        _images = tensor(set.Pixels, [set.Count, 1, ImageSet.Height, ImageSet.Width], ScalarType.Byte);
        _labels = tensor(set.Labels, ScalarType.Byte).to_type(ScalarType.Int64);
    }

    /// <summary>The bytes the tensors were made from.</summary>
    public ImageSet Set { get; }

    public int Count => Set.Count;

    /// <summary>Returns rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="length"/> as scaled float images and labels.</summary>
    public (Tensor Images, Tensor Labels) Slice(long start, long length) =>
        (_scaling.Apply(_images.narrow(0, start, length)), _labels.narrow(0, start, length));

    /// <summary>Returns the rows listed in <paramref name="indices"/> (int64) as scaled float images and labels.</summary>
    public (Tensor Images, Tensor Labels) Gather(Tensor indices) =>
        (_scaling.Apply(_images.index_select(0, indices)), _labels.index_select(0, indices));

    /// <summary>Scales raw 0–255 bytes laid out as [N, 784] into a float batch, for augmented images made in managed code.</summary>
    public Tensor FromBytes(byte[] pixels, int count)
    {
        using var raw = tensor(pixels, [count, 1, ImageSet.Height, ImageSet.Width], ScalarType.Byte);
        return _scaling.Apply(raw);
    }

    public Tensor LabelsAt(Tensor indices) => _labels.index_select(0, indices);

    public void Dispose()
    {
        _images.Dispose();
        _labels.Dispose();
    }
}
