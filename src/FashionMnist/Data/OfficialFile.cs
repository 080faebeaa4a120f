namespace FashionMnist.Data;

/// <summary>One of the four files Zalando Research publishes for Fashion-MNIST, with its published checksums.</summary>
/// <param name="Name">Standard file name without the <c>.gz</c> suffix, such as <c>train-images-idx3-ubyte</c>.</param>
/// <param name="GzipMd5">MD5 of the published <c>.gz</c> file, lowercase hex.</param>
/// <param name="ContentMd5">MD5 of the decompressed IDX content, lowercase hex.</param>
/// <param name="MnistGzipMd5">MD5 of the MNIST digits file of the same name, which is a common mix-up.</param>
public sealed record OfficialFile(string Name, string GzipMd5, string ContentMd5, string MnistGzipMd5)
{
    /// <summary>Name of the published compressed file: <see cref="Name"/> followed by <c>.gz</c>.</summary>
    public string GzipName => Name + ".gz";
}
