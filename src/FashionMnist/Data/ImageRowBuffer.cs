namespace FashionMnist.Data;

/// <summary>
/// Images appended one at a time in chunks, so a file of unknown length is read without resizing one large
/// array again and again.
/// </summary>
/// <param name="rowsPerChunk">Images per chunk: the expected count when it is known, so no chunk is mostly empty.</param>
internal sealed class ImageRowBuffer(int rowsPerChunk = 4096)
{
    private readonly int _rowsPerChunk = Math.Max(1, rowsPerChunk);
    private readonly List<byte[]> _pixelChunks = [];
    private readonly List<byte[]> _labelChunks = [];

    /// <summary>Number of images appended.</summary>
    public int Count { get; private set; }

    /// <summary>Appends one image: its label and its 784 pixels.</summary>
    public void Add(byte label, ReadOnlySpan<byte> pixels)
    {
        var rowInChunk = Count % _rowsPerChunk;
        if (rowInChunk == 0)
        {
            _pixelChunks.Add(new byte[_rowsPerChunk * ImageSet.PixelsPerImage]);
            _labelChunks.Add(new byte[_rowsPerChunk]);
        }

        pixels.CopyTo(_pixelChunks[^1].AsSpan(rowInChunk * ImageSet.PixelsPerImage, ImageSet.PixelsPerImage));
        _labelChunks[^1][rowInChunk] = label;
        Count++;
    }

    /// <summary>Copies all pixels and all labels to the start of <paramref name="pixels"/> and <paramref name="labels"/>.</summary>
    public void CopyTo(Span<byte> pixels, Span<byte> labels)
    {
        Copy(_pixelChunks, pixels[..(Count * ImageSet.PixelsPerImage)]);
        Copy(_labelChunks, labels[..Count]);
    }

    private static void Copy(List<byte[]> chunks, Span<byte> target)
    {
        var offset = 0;
        foreach (var chunk in chunks)
        {
            var take = Math.Min(chunk.Length, target.Length - offset);
            chunk.AsSpan(0, take).CopyTo(target[offset..]);
            offset += take;
        }
    }
}
