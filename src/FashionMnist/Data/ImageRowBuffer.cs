namespace FashionMnist.Data;

/// <summary>
/// Images appended one at a time in chunks, so a file of unknown length is read without resizing one large
/// array again and again.
/// </summary>
internal sealed class ImageRowBuffer
{
    private const int RowsPerChunk = 4096;

    private readonly List<byte[]> _pixelChunks = [];
    private readonly List<byte[]> _labelChunks = [];

    /// <summary>Number of images appended.</summary>
    public int Count { get; private set; }

    /// <summary>Appends one image: its label and its 784 pixels.</summary>
    public void Add(byte label, ReadOnlySpan<byte> pixels)
    {
        var rowInChunk = Count % RowsPerChunk;
        if (rowInChunk == 0)
        {
            _pixelChunks.Add(new byte[RowsPerChunk * ImageSet.PixelsPerImage]);
            _labelChunks.Add(new byte[RowsPerChunk]);
        }

        pixels.CopyTo(_pixelChunks[^1].AsSpan(rowInChunk * ImageSet.PixelsPerImage, ImageSet.PixelsPerImage));
        _labelChunks[^1][rowInChunk] = label;
        Count++;
    }

    /// <summary>Returns all pixels and all labels, each in one array.</summary>
    public (byte[] Pixels, byte[] Labels) ToArrays() =>
        (Concatenate(_pixelChunks, Count * ImageSet.PixelsPerImage), Concatenate(_labelChunks, Count));

    private static byte[] Concatenate(List<byte[]> chunks, int length)
    {
        var result = new byte[length];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            var take = Math.Min(chunk.Length, length - offset);
            Array.Copy(chunk, 0, result, offset, take);
            offset += take;
        }
        return result;
    }
}
