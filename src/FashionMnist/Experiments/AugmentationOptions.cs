using System.ComponentModel.DataAnnotations;

namespace FashionMnist.Experiments;

/// <summary>Training-time augmentation. Every default turns augmentation off.</summary>
public sealed class AugmentationOptions
{
    /// <summary>Zero padding in pixels added on each side before a random 28×28 crop. Default 0 (no crop).</summary>
    [Range(0, 8)]
    public int CropPadding { get; set; }

    /// <summary>Mirror each image left to right with probability 0.5. Default false.</summary>
    public bool HorizontalFlip { get; set; }

    /// <summary>Probability of erasing one random rectangle of an image. Default 0.</summary>
    [Range(0.0, 1.0)]
    public double RandomErasing { get; set; }

    /// <summary>True when any augmentation is on.</summary>
    public bool Enabled => CropPadding > 0 || HorizontalFlip || RandomErasing > 0;
}
