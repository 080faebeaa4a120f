namespace FashionMnist.Data;

/// <summary>
/// Splits the training images into a training part and a dev part. The dev part has round(f × N) rows, where
/// f is the dev fraction and N the number of training rows, rounding halves away from zero. Both parts keep
/// the file order of their rows: the split only chooses which rows go to dev.
/// </summary>
public static class DatasetSplitter
{
    /// <summary>Names accepted by <see cref="Split"/>, as in <c>data.split</c>.</summary>
    public static IReadOnlyList<string> SplitNames { get; } = ["file", "shuffled", "stratified"];

    /// <summary>
    /// Splits <paramref name="train"/>. <paramref name="split"/> <c>file</c> takes the last rows as dev, and
    /// <c>shuffled</c> a random subset. <c>stratified</c> takes a random subset with the same share of every class:
    /// a class of n rows gives floor(f × n) or one more, and the classes with the largest remainders get the extra
    /// rows. The random choices depend only on <paramref name="seed"/> (SplitMix64), so they are the same on every
    /// run and platform. A fraction of 0 gives an empty dev set.
    /// </summary>
    /// <param name="devFraction">Share of rows for dev, from 0 up to but excluding 1.</param>
    public static (ImageSet Train, ImageSet Dev) Split(ImageSet train, double devFraction, string split, long seed)
    {
        if (!(devFraction >= 0 && devFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(devFraction), devFraction,
                $"data.dev_fraction is {devFraction}; it must be at least 0 and less than 1.");
        }

        var devCount = DevCount(train.Count, devFraction);
        if (devCount == train.Count && train.Count > 0)
        {
            throw new DataException(
                $"{train.Source}: data.dev_fraction {devFraction} puts all {train.Count} training rows in the dev "
                + "set and leaves none to train on. Lower data.dev_fraction.");
        }

        var isDev = split switch
        {
            "file" => ChooseLast(train.Count, devCount),
            "shuffled" => ChooseShuffled(train.Count, devCount, seed),
            "stratified" => ChooseStratified(train.Labels, devFraction, devCount, seed),
            _ => throw new ArgumentException(
                $"data.split is '{split}'; expected one of {string.Join(", ", SplitNames)}.", nameof(split)),
        };
        return Partition(train, isDev, split);
    }

    /// <summary>
    /// Returns the number of dev rows: round(<paramref name="devFraction"/> × <paramref name="count"/>), with
    /// halves rounded away from zero.
    /// </summary>
    public static int DevCount(int count, double devFraction) =>
        (int)Math.Round(devFraction * count, MidpointRounding.AwayFromZero);

    private static bool[] ChooseLast(int count, int devCount)
    {
        var isDev = new bool[count];
        Array.Fill(isDev, true, count - devCount, devCount);
        return isDev;
    }

    private static bool[] ChooseShuffled(int count, int devCount, long seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new SeededRandom(seed).Shuffle(order);
        var isDev = new bool[count];
        foreach (var row in order.AsSpan(0, devCount))
            isDev[row] = true;
        return isDev;
    }

    private static bool[] ChooseStratified(byte[] labels, double devFraction, int devCount, long seed)
    {
        var rowsByClass = new List<int>[byte.MaxValue + 1];
        for (var row = 0; row < labels.Length; row++)
            (rowsByClass[labels[row]] ??= []).Add(row);

        var quotas = ClassQuotas(rowsByClass, devFraction, devCount);
        var random = new SeededRandom(seed);
        var isDev = new bool[labels.Length];
        for (var label = 0; label < rowsByClass.Length; label++)
        {
            var rows = rowsByClass[label];
            if (rows is null)
                continue;
            random.Shuffle(rows);
            foreach (var row in rows.Take(quotas[label]))
                isDev[row] = true;
        }
        return isDev;
    }

    // Largest-remainder apportionment: every class gets floor(f × n) dev rows or one more, and the total is
    // exactly devCount. Ties go to the lower label.
    private static int[] ClassQuotas(List<int>[] rowsByClass, double devFraction, int devCount)
    {
        var quotas = new int[rowsByClass.Length];
        var remainders = new List<(double Remainder, int Label)>();
        for (var label = 0; label < rowsByClass.Length; label++)
        {
            var count = rowsByClass[label]?.Count ?? 0;
            var exact = devFraction * count;
            quotas[label] = (int)Math.Floor(exact);
            if (quotas[label] < count)
                remainders.Add((exact - quotas[label], label));
        }

        var left = devCount - quotas.Sum();
        var order = remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Label);
        foreach (var (_, label) in order.Take(Math.Max(0, left)))
            quotas[label]++;
        return quotas;
    }

    private static (ImageSet Train, ImageSet Dev) Partition(ImageSet train, bool[] isDev, string split)
    {
        var trainRows = new List<int>(isDev.Length);
        var devRows = new List<int>();
        for (var row = 0; row < isDev.Length; row++)
            (isDev[row] ? devRows : trainRows).Add(row);

        return (train.Select(trainRows, $"{train.Source} (training part, {split} split)"),
            train.Select(devRows, $"{train.Source} (dev part, {split} split)"));
    }
}
