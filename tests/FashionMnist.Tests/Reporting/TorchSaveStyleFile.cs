using System.IO.Compression;
using System.Text;

namespace FashionMnist.Tests.Reporting;

/// <summary>
/// Writes float32 tensors the way Python's torch.save(model.state_dict(), path) lays them out: uncompressed
/// entries under "archive/", a protocol-2 pickle of a collections.OrderedDict that carries a _metadata attribute
/// (restored with BUILD), and byteorder and .data/version records.
/// </summary>
internal static class TorchSaveStyleFile
{
    public static void Write(string path, IReadOnlyList<(string Key, long[] Shape, float[] Values)> tensors)
    {
        using var archive = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        var pickle = new MemoryStream();
        pickle.Write([0x80, 0x02]);
        Global(pickle, "collections", "OrderedDict");
        pickle.WriteByte((byte)')');
        pickle.WriteByte((byte)'R');
        pickle.WriteByte((byte)'(');

        for (var i = 0; i < tensors.Count; i++)
        {
            var (key, shape, values) = tensors[i];
            Unicode(pickle, key);
            Global(pickle, "torch._utils", "_rebuild_tensor_v2");
            pickle.WriteByte((byte)'(');
            PersistentStorage(pickle, i.ToString(System.Globalization.CultureInfo.InvariantCulture), values.Length);
            Int(pickle, 0);
            IntTuple(pickle, shape);
            IntTuple(pickle, ContiguousStrides(shape));
            pickle.WriteByte(0x89); // NEWFALSE: requires_grad
            Global(pickle, "collections", "OrderedDict");
            pickle.WriteByte((byte)')');
            pickle.WriteByte((byte)'R');
            pickle.WriteByte((byte)'t');
            pickle.WriteByte((byte)'R');

            var bytes = new byte[values.Length * 4];
            Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
            Entry(archive, $"archive/data/{i}", bytes);
        }
        pickle.WriteByte((byte)'u');

        // state = {"_metadata": OrderedDict([("", {"version": 1})])}, applied with BUILD as torch.save does.
        pickle.WriteByte((byte)'}');
        Unicode(pickle, "_metadata");
        Global(pickle, "collections", "OrderedDict");
        pickle.WriteByte((byte)')');
        pickle.WriteByte((byte)'R');
        Unicode(pickle, "");
        pickle.WriteByte((byte)'}');
        Unicode(pickle, "version");
        Int(pickle, 1);
        pickle.WriteByte((byte)'s');
        pickle.WriteByte((byte)'s');
        pickle.WriteByte((byte)'s');
        pickle.WriteByte((byte)'b');
        pickle.WriteByte((byte)'.');

        Entry(archive, "archive/data.pkl", pickle.ToArray());
        Entry(archive, "archive/byteorder", "little"u8.ToArray());
        Entry(archive, "archive/.data/version", "3\n"u8.ToArray());
        Entry(archive, "archive/version", "3\n"u8.ToArray());
    }

    private static void PersistentStorage(Stream pickle, string key, int count)
    {
        pickle.WriteByte((byte)'(');
        Unicode(pickle, "storage");
        Global(pickle, "torch", "FloatStorage");
        Unicode(pickle, key);
        Unicode(pickle, "cpu");
        Int(pickle, count);
        pickle.WriteByte((byte)'t');
        pickle.WriteByte((byte)'Q');
    }

    private static long[] ContiguousStrides(long[] shape)
    {
        var strides = new long[shape.Length];
        long stride = 1;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
    }

    private static void IntTuple(Stream pickle, long[] values)
    {
        pickle.WriteByte((byte)'(');
        foreach (var value in values)
            Int(pickle, (int)value);
        pickle.WriteByte((byte)'t');
    }

    private static void Int(Stream pickle, int value)
    {
        pickle.WriteByte((byte)'J');
        pickle.Write(BitConverter.GetBytes(value));
    }

    private static void Unicode(Stream pickle, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        pickle.WriteByte((byte)'X');
        pickle.Write(BitConverter.GetBytes(bytes.Length));
        pickle.Write(bytes);
    }

    private static void Global(Stream pickle, string module, string name)
    {
        pickle.WriteByte((byte)'c');
        pickle.Write(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));
    }

    private static void Entry(ZipArchive archive, string name, byte[] bytes)
    {
        using var stream = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
        stream.Write(bytes);
    }
}
