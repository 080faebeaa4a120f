using FashionMnist.Data;
using FashionMnist.Experiments;
using FashionMnist.Training;

namespace FashionMnist.Tests.Training;

public class AugmenterTests
{
    private static byte[] Gradient()
    {
        var image = new byte[ImageSet.PixelsPerImage];
        for (var y = 0; y < 28; y++)
            for (var x = 0; x < 28; x++)
                image[y * 28 + x] = (byte)(x * 9 + 1);
        return image;
    }

    [Fact]
    public void NoAugmentation_CopiesImage()
    {
        var input = Gradient();
        var output = new byte[input.Length];

        new Augmenter(new AugmentationOptions()).Augment(input, output, new Random(0));

        Assert.Equal(input, output);
    }

    [Fact]
    public void Flip_MirrorsRows()
    {
        var input = Gradient();
        var augmenter = new Augmenter(new AugmentationOptions { HorizontalFlip = true });
        var random = new Random(3);
        var flipped = 0;

        for (var i = 0; i < 50; i++)
        {
            var output = new byte[input.Length];
            augmenter.Augment(input, output, random);
            if (output[0] == input[27])
            {
                flipped++;
                Assert.Equal(input[0], output[27]);
            }
            else
            {
                Assert.Equal(input, output);
            }
        }

        Assert.InRange(flipped, 10, 40);
    }

    [Fact]
    public void Crop_ShiftsWithinPaddingAndFillsZeros()
    {
        var input = Enumerable.Repeat((byte)200, ImageSet.PixelsPerImage).ToArray();
        var augmenter = new Augmenter(new AugmentationOptions { CropPadding = 4 });
        var random = new Random(5);

        for (var i = 0; i < 20; i++)
        {
            var output = new byte[input.Length];
            augmenter.Augment(input, output, random);
            var zeros = output.Count(p => p == 0);
            Assert.InRange(zeros, 0, 28 * 4 * 2 - 16);
            Assert.Equal(ImageSet.PixelsPerImage, zeros + output.Count(p => p == 200));
        }
    }

    [Fact]
    public void Erasing_ClearsARectangle()
    {
        var input = Enumerable.Repeat((byte)255, ImageSet.PixelsPerImage).ToArray();
        var output = new byte[input.Length];

        new Augmenter(new AugmentationOptions { RandomErasing = 1.0 }).Augment(input, output, new Random(7));

        var erased = output.Count(p => p == 0);
        Assert.InRange(erased, (int)(0.02 * 784) - 10, (int)(0.33 * 784) + 30);
    }

    [Fact]
    public void SameSeed_SameAugmentation()
    {
        var input = Gradient();
        var options = new AugmentationOptions { CropPadding = 2, HorizontalFlip = true, RandomErasing = 0.5 };
        var first = new byte[input.Length];
        var second = new byte[input.Length];

        new Augmenter(options).Augment(input, first, new Random(11));
        new Augmenter(options).Augment(input, second, new Random(11));

        Assert.Equal(first, second);
    }
}
