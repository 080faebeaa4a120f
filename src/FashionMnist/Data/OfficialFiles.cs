namespace FashionMnist.Data;

/// <summary>
/// The standard Fashion-MNIST file names and their MD5 checksums. The gzip checksums are the ones torchvision's
/// <c>FashionMNIST.resources</c> lists for the published files. The content checksums are those of the
/// decompressed files. Debian's <c>dataset-fashion-mnist</c> (0.0~git20200523) recompressed the files, so its
/// <c>.gz</c> files have other checksums but match the content checksums.
/// </summary>
public static class OfficialFiles
{
    public const string TrainImagesName = "train-images-idx3-ubyte";
    public const string TrainLabelsName = "train-labels-idx1-ubyte";
    public const string TestImagesName = "t10k-images-idx3-ubyte";
    public const string TestLabelsName = "t10k-labels-idx1-ubyte";

    /// <summary>Kaggle's training file: a header, then one image per line.</summary>
    public const string CsvTrainName = "fashion-mnist_train.csv";

    /// <summary>Kaggle's test file: a header, then one image per line.</summary>
    public const string CsvTestName = "fashion-mnist_test.csv";

    public static OfficialFile TrainImages { get; } = new(TrainImagesName,
        "8d4fb7e6c68d591d4c3dfef9ec88bf0d", "f4a8712d7a061bf5bd6d2ca38dc4d50a", "f68b3c2dcbeaaa9fbdd348bbdeb94873");

    public static OfficialFile TrainLabels { get; } = new(TrainLabelsName,
        "25c81989df183df01b3e8a0aad5dffbe", "9018921c3c673c538a1fc5bad174d6f9", "d53e105ee54ea40749a09fcbcd1e9432");

    public static OfficialFile TestImages { get; } = new(TestImagesName,
        "bef4ecab320f06d8554ea6380940ec79", "8181f5470baa50b63fa0f6fddb340f0a", "9fb629c4189551a2d022fa330f9573f3");

    public static OfficialFile TestLabels { get; } = new(TestLabelsName,
        "bb300cfdad3c16e7a12a480ee83cd310", "15d484375f8d13e6eb1aabb0c3f46965", "ec29112dd5afa0611ce80d1b7f02629c");

    /// <summary>The four files in the order train images, train labels, test images, test labels.</summary>
    public static IReadOnlyList<OfficialFile> All { get; } = [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>
    /// Returns the official file that <paramref name="path"/> is named after, with or without <c>.gz</c>,
    /// or null for any other name. Names compare exactly, as on the published files.
    /// </summary>
    public static OfficialFile? FindByName(string path) => FindByName(path, All);

    internal static OfficialFile? FindByName(string path, IReadOnlyList<OfficialFile> files)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".gz", StringComparison.Ordinal))
            name = name[..^3];
        return files.FirstOrDefault(file => file.Name == name);
    }
}
