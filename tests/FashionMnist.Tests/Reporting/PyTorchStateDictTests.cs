using System.IO.Compression;
using System.Text;
using FashionMnist.Data;
using FashionMnist.Reporting;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Tests.Reporting;

public class PyTorchStateDictTests
{
    /// <summary>Conv2d, BatchNorm2d and two Linear layers, one large enough to span many zip buffers.</summary>
    private sealed class SmallNet : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> conv = nn.Conv2d(1, 4, 3);
        private readonly nn.Module<Tensor, Tensor> bn = nn.BatchNorm2d(4);
        private readonly nn.Module<Tensor, Tensor> fc = nn.Linear(4 * 6 * 6, 320);
        private readonly nn.Module<Tensor, Tensor> head = nn.Linear(320, 50);

        public SmallNet() : base(nameof(SmallNet)) => RegisterComponents();

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            var x = bn.forward(conv.forward(input)).flatten(1);
            return head.forward(fc.forward(x)).MoveToOuterDisposeScope();
        }
    }

    /// <summary>The classic PyTorch MNIST example network, named as in Python.</summary>
    private sealed class BlogCnn : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> conv1 = nn.Conv2d(1, 10, 5);
        private readonly nn.Module<Tensor, Tensor> conv2 = nn.Conv2d(10, 20, 5);
        private readonly nn.Module<Tensor, Tensor> conv2_drop = nn.Dropout2d();
        private readonly nn.Module<Tensor, Tensor> fc1 = nn.Linear(320, 50);
        private readonly nn.Module<Tensor, Tensor> fc2 = nn.Linear(50, 10);

        public BlogCnn() : base(nameof(BlogCnn)) => RegisterComponents();

        public override Tensor forward(Tensor input) => throw new NotSupportedException("Only the weights are used.");
    }

    private static readonly string[] SmallNetKeys =
    [
        "conv.weight", "conv.bias", "bn.weight", "bn.bias", "bn.running_mean", "bn.running_var",
        "bn.num_batches_tracked", "fc.weight", "fc.bias", "head.weight", "head.bias",
    ];

    /// <summary>Builds a SmallNet whose running statistics have moved away from their initial values.</summary>
    private static SmallNet TrainedNet(int seed)
    {
        manual_seed(seed);
        var net = new SmallNet();
        net.train();
        using (var input = randn(8, 1, 8, 8))
        using (var output = net.forward(input))
        {
        }
        using (no_grad())
        {
            foreach (var (_, parameter) in net.named_parameters())
                parameter.add_(randn(parameter.shape));
        }
        return net;
    }

    [Fact]
    public void RoundTrip_EveryTensorExact()
    {
        using var folder = new TempFolder();
        var path = folder.File("weights/net.pt");
        using var saved = TrainedNet(1);
        using var restored = TrainedNet(2);

        PyTorchStateDict.Save(saved, path);
        PyTorchStateDict.Load(restored, path);

        var expected = saved.state_dict();
        var actual = restored.state_dict();
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, tensor) in expected)
        {
            Assert.Equal(tensor.shape, actual[key].shape);
            Assert.Equal(tensor.dtype, actual[key].dtype);
            Assert.True(tensor.bytes.SequenceEqual(actual[key].bytes), $"{key} differs after the round trip");
        }
        Assert.Equal(1L, actual["bn.num_batches_tracked"].item<long>());
    }

    [Fact]
    public void RoundTrip_ModelStillUsable()
    {
        using var folder = new TempFolder();
        var path = folder.File("net.pt");
        using var saved = TrainedNet(3);
        using var restored = TrainedNet(4);
        saved.eval();
        restored.eval();

        PyTorchStateDict.Save(saved, path);
        PyTorchStateDict.Load(restored, path);
        using var input = randn(2, 1, 8, 8);
        using var expected = saved.forward(input);
        using var actual = restored.forward(input);

        Assert.True(expected.bytes.SequenceEqual(actual.bytes));
    }

    [Fact]
    public void Save_ZipEntries()
    {
        using var folder = new TempFolder();
        var path = folder.File("net.pt");
        using var net = TrainedNet(5);

        PyTorchStateDict.Save(net, path);
        using var zip = ZipFile.OpenRead(path);
        var names = zip.Entries.Select(e => e.FullName).ToList();

        var expected = new List<string> { "archive/data.pkl", "archive/byteorder" };
        expected.AddRange(Enumerable.Range(0, SmallNetKeys.Length).Select(i => $"archive/data/{i}"));
        expected.Add("archive/version");
        Assert.Equal(expected, names);
        Assert.Equal("3", ReadText(zip, "archive/version").Trim());
        Assert.Equal("little", ReadText(zip, "archive/byteorder"));
        Assert.All(zip.Entries, e => Assert.Equal(e.Length, e.CompressedLength));
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public void Save_StorageBytesInKeyOrder()
    {
        using var folder = new TempFolder();
        var path = folder.File("net.pt");
        using var net = TrainedNet(6);

        PyTorchStateDict.Save(net, path);
        using var zip = ZipFile.OpenRead(path);
        var stateDict = net.state_dict();

        for (var i = 0; i < SmallNetKeys.Length; i++)
        {
            var stored = ReadBytes(zip, $"archive/data/{i}");
            Assert.True(stateDict[SmallNetKeys[i]].bytes.SequenceEqual(stored), $"data/{i} is not {SmallNetKeys[i]}");
        }
    }

    [Fact]
    public void Save_PickleKeysInPyTorchOrder()
    {
        using var folder = new TempFolder();
        var path = folder.File("net.pt");
        using var net = TrainedNet(7);

        PyTorchStateDict.Save(net, path);
        using var zip = ZipFile.OpenRead(path);
        var pickle = ReadBytes(zip, "archive/data.pkl");

        var positions = SmallNetKeys.Select(key => IndexOf(pickle, PickledString(key))).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(0x80, pickle[0]);
        Assert.Equal(2, pickle[1]);
        Assert.True(IndexOf(pickle, Encoding.ASCII.GetBytes("ctorch._utils\n_rebuild_tensor_v2\n")) > 0);
        Assert.True(IndexOf(pickle, Encoding.ASCII.GetBytes("ctorch\nFloatStorage\n")) > 0);
        Assert.True(IndexOf(pickle, Encoding.ASCII.GetBytes("ctorch\nLongStorage\n")) > 0);
        Assert.True(IndexOf(pickle, PickledString("storage")) > 0);
    }

    [Fact]
    public void Save_TensorsNotRequiringGrad()
    {
        using var folder = new TempFolder();
        var path = folder.File("net.pt");
        using var net = TrainedNet(8);

        PyTorchStateDict.Save(net, path);
        using var zip = ZipFile.OpenRead(path);
        var pickle = ReadBytes(zip, "archive/data.pkl");

        // Each tensor's requires_grad argument is NEWFALSE (0x89) just before the empty backward-hooks OrderedDict.
        var hooks = Encoding.ASCII.GetBytes("ccollections\nOrderedDict\n");
        var found = 0;
        for (var i = IndexOf(pickle, hooks); i > 0; i = IndexOf(pickle, hooks, i + 1))
        {
            Assert.Equal(0x89, pickle[i - 1]);
            found++;
        }
        Assert.Equal(SmallNetKeys.Length, found);
    }

    [Fact]
    public void PyTorchKeyOrder_BlogCnn()
    {
        using var net = new BlogCnn();

        var keys = PyTorchStateDict.PyTorchKeyOrder(net);

        Assert.Equal(
            ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight",
                "fc2.bias"],
            keys);
    }

    [Fact]
    public void Load_TorchSaveLayout()
    {
        using var folder = new TempFolder();
        var path = folder.File("from-python.pt");
        using var net = new BlogCnn();
        var state = net.state_dict();
        var values = PyTorchStateDict.PyTorchKeyOrder(net)
            .Select(key => (key, state[key].shape, Enumerable.Range(0, (int)state[key].numel())
                .Select(i => (float)Math.Sin(i + key.Length)).ToArray()))
            .ToList();
        TorchSaveStyleFile.Write(path, values);

        PyTorchStateDict.Load(net, path);

        foreach (var (key, shape, expected) in values)
        {
            Assert.Equal(shape, state[key].shape);
            Assert.Equal(expected, state[key].data<float>().ToArray());
        }
    }

    [Fact]
    public void Load_MissingFileNamed()
    {
        using var net = new SmallNet();

        var error = Assert.Throws<DataException>(() => PyTorchStateDict.Load(net, "/no/such/weights.pt"));

        Assert.Contains("/no/such/weights.pt", error.Message);
    }

    [Fact]
    public void Load_NotAStateDictNamed()
    {
        using var folder = new TempFolder();
        var path = folder.File("weights.pt");
        File.WriteAllText(path, "these are not weights");
        using var net = new SmallNet();

        var error = Assert.Throws<DataException>(() => PyTorchStateDict.Load(net, path));

        Assert.Contains(path, error.Message);
        Assert.Contains("torch.save(model.state_dict(), path)", error.Message);
    }

    [Fact]
    public void Load_OtherArchitectureRejected()
    {
        using var folder = new TempFolder();
        var path = folder.File("net.pt");
        using var saved = TrainedNet(9);
        PyTorchStateDict.Save(saved, path);
        using var other = new BlogCnn();
        var before = other.state_dict()["fc1.weight"].bytes.ToArray();

        var error = Assert.Throws<DataException>(() => PyTorchStateDict.Load(other, path));

        Assert.Contains("missing keys: conv1.weight", error.Message);
        Assert.Contains("unexpected keys: bn.bias", error.Message);
        Assert.Equal(before, other.state_dict()["fc1.weight"].bytes.ToArray());
    }

    [Fact]
    public void Load_ShapeMismatchNamed()
    {
        using var folder = new TempFolder();
        var path = folder.File("linear.pt");
        using var saved = nn.Sequential(("fc", nn.Linear(4, 3)));
        PyTorchStateDict.Save(saved, path);
        using var wider = nn.Sequential(("fc", nn.Linear(4, 5)));

        var error = Assert.Throws<DataException>(() => PyTorchStateDict.Load(wider, path));

        Assert.Contains("fc.weight has shape [3, 4] in the file but [5, 4] in the model", error.Message);
    }

    private static byte[] PickledString(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return [(byte)'X', .. BitConverter.GetBytes(bytes.Length), .. bytes];
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int start = 0) =>
        haystack.AsSpan(start).IndexOf(needle) is var i and >= 0 ? i + start : -1;

    private static byte[] ReadBytes(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ReadText(ZipArchive zip, string name) => Encoding.ASCII.GetString(ReadBytes(zip, name));
}
