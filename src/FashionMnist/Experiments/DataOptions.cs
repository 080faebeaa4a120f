using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Experiments;

/// <summary>Where the images come from, how the training rows split into train and dev, and how pixels are scaled.</summary>
public sealed class DataOptions
{
    /// <summary>File layout: <c>idx</c> (the original four IDX files, gzipped or not) or <c>csv</c> (Kaggle layout). Default idx.</summary>
    [AllowedValues("idx", "csv")]
    public string Format { get; set; } = "idx";

    /// <summary>
    /// Directory holding the files under their standard names. Default: none, which searches
    /// <c>$FASHION_MNIST_DIR</c>, then <c>/usr/share/datasets/fashion-mnist</c>.
    /// </summary>
    public string? Dir { get; set; }

    /// <summary>Training file: the CSV file, or the IDX images file (labels are found beside it). Overrides <see cref="Dir"/>.</summary>
    public string? Train { get; set; }

    /// <summary>Test file: the CSV file, or the IDX images file (labels are found beside it). Overrides <see cref="Dir"/>.</summary>
    public string? Test { get; set; }

    /// <summary>Share of the training rows held out as the dev set. Default 0.1; from 0 up to but excluding 1.</summary>
    [Range(0.0, 0.99)]
    public double DevFraction { get; set; } = 0.1;

    /// <summary>
    /// How dev rows are chosen: <c>file</c> takes the last rows in file order, <c>shuffled</c> a seeded random
    /// subset, <c>stratified</c> a seeded subset with the same share of every class. Default file.
    /// </summary>
    [AllowedValues("file", "shuffled", "stratified")]
    public string Split { get; set; } = "file";

    /// <summary>
    /// Pixel scaling: <c>raw</c> feeds 0–255, <c>unit</c> divides by 255, <c>standardize</c> divides by 255
    /// then subtracts <see cref="Mean"/> and divides by <see cref="Std"/>. Default raw.
    /// </summary>
    [AllowedValues("raw", "unit", "standardize")]
    public string Scale { get; set; } = "raw";

    /// <summary>Mean of unit-scaled pixels used by <c>standardize</c>. Default 0.2860 (the training set's mean).</summary>
    [Range(0.0, 1.0)]
    public double Mean { get; set; } = 0.2860;

    /// <summary>Standard deviation of unit-scaled pixels used by <c>standardize</c>. Default 0.3530.</summary>
    [Range(1e-6, 1.0)]
    public double Std { get; set; } = 0.3530;

    /// <summary>Check the official files against their published MD5 checksums. Default true.</summary>
    public bool VerifyChecksums { get; set; } = true;

    /// <summary>Random changes applied to training images each time they are drawn.</summary>
    public AugmentationOptions Augment { get; set; } = new();
}
