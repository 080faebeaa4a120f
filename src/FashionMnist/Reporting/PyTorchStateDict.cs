using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using FashionMnist.Data;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace FashionMnist.Reporting;

/// <summary>
/// Saves a TorchSharp module's parameters and buffers as a PyTorch state dict (a .pt file that
/// <c>model.load_state_dict(torch.load(path))</c> accepts for the same architecture), and loads such a file back.
/// </summary>
/// <remarks>
/// <para>The file has torch.save's zip layout: <c>archive/data.pkl</c>, a protocol-2 pickle of a dict whose values
/// are rebuilt with <c>torch._utils._rebuild_tensor_v2</c> from storages such as <c>torch.FloatStorage</c>;
/// <c>archive/byteorder</c>; one <c>archive/data/N</c> entry of raw bytes per tensor; and <c>archive/version</c>
/// ("3"), all stored uncompressed. TorchSharp.PyBridge 1.4.4 writes the pickle and reads files back. Keys follow
/// PyTorch's order (each module's own parameters, then its own buffers, then its children) and tensors are saved
/// detached, as <c>Module.state_dict()</c> does in PyTorch. The dict is a plain dict rather than an OrderedDict
/// with <c>_metadata</c>; <c>load_state_dict</c> accepts both.</para>
/// <para>Verified with TorchSharp 0.107.0: save then load restores every tensor byte for byte (Linear, Conv2d,
/// BatchNorm2d with running statistics); the zip entries, the key order and the globals in the pickle are as
/// described; Python 3.11's own unpickler reads the pickle when only those globals are allowed; and a file laid
/// out like torch.save's (an OrderedDict with <c>_metadata</c>) loads. NOTE: loading in Python with PyTorch was
/// not run, because PyTorch cannot be installed on the machine that built this.</para>
/// </remarks>
public static class PyTorchStateDict
{
    private const string ArchiveFolder = "archive/";

    /// <summary>
    /// Writes the state dict of <paramref name="module"/> to <paramref name="path"/>, creating its folder. The file
    /// is written under a temporary name and then renamed, so a failed save leaves no partial file behind.
    /// </summary>
    public static void Save(nn.Module module, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);

        var temporary = path + ".partial";
        try
        {
            using (var scope = NewDisposeScope())
            {
                using var pickled = new MemoryStream();
                PyTorchPickler.PickleStateDict(pickled, OrderedStateDict(module), leaveOpen: true);
                pickled.Position = 0;
                using var file = File.Create(temporary);
                RepackLikeTorchSave(pickled, file);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Copies the tensors in <paramref name="path"/> into the parameters and buffers of <paramref name="module"/>.
    /// Every key of the module must be in the file with the same shape and element type, and the file must contain
    /// no other key. Otherwise nothing is copied.
    /// </summary>
    /// <exception cref="DataException">The file is missing, is not a PyTorch state dict, or does not match the
    /// module's keys, shapes or element types.</exception>
    public static void Load(nn.Module module, string path)
    {
        if (!File.Exists(path))
            throw new DataException($"Weights file '{path}' was not found. Check the path.");

        using var scope = NewDisposeScope();
        var loaded = ReadTensors(path);
        var target = module.state_dict();
        CheckMatch(path, target, loaded);

        using (no_grad())
        {
            foreach (var (key, tensor) in target)
                tensor.copy_(loaded[key]);
        }
    }

    /// <summary>Returns the module's state-dict keys in the order PyTorch's <c>state_dict()</c> lists them.
    /// </summary>
    internal static List<string> PyTorchKeyOrder(nn.Module module)
    {
        var keys = new List<string>();
        AddKeys(module, "", keys);
        return keys;
    }

    private static OrderedDictionary OrderedStateDict(nn.Module module)
    {
        var stateDict = module.state_dict();
        var ordered = new OrderedDictionary();
        var keys = PyTorchKeyOrder(module).Where(stateDict.ContainsKey).ToList();
        keys.AddRange(stateDict.Keys.Except(keys));
        foreach (var key in keys)
            ordered[key] = stateDict[key].detach().cpu().contiguous();
        return ordered;
    }

    /// <summary>
    /// Copies PyBridge's archive into torch.save's layout: entries under "archive/", stored without compression
    /// (so torch.load can also memory-map them), in the order data.pkl, byteorder, data/0…, version.
    /// </summary>
    private static void RepackLikeTorchSave(Stream pickled, Stream output)
    {
        using var source = new ZipArchive(pickled, ZipArchiveMode.Read);
        using var target = new ZipArchive(output, ZipArchiveMode.Create);
        var entries = source.Entries.ToDictionary(e => e.FullName[(e.FullName.IndexOf('/') + 1)..]);
        var storages = entries.Keys
            .Where(name => name.StartsWith("data/", StringComparison.Ordinal))
            .OrderBy(name => int.Parse(name["data/".Length..], CultureInfo.InvariantCulture));

        CopyEntry(entries["data.pkl"], target, "data.pkl");
        WriteEntry(target, "byteorder", Encoding.ASCII.GetBytes(BitConverter.IsLittleEndian ? "little" : "big"));
        foreach (var name in storages)
            CopyEntry(entries[name], target, name);
        CopyEntry(entries["version"], target, "version");
    }

    private static void CopyEntry(ZipArchiveEntry entry, ZipArchive target, string name)
    {
        using var from = entry.Open();
        using var to = target.CreateEntry(ArchiveFolder + name, CompressionLevel.NoCompression).Open();
        from.CopyTo(to);
    }

    private static void WriteEntry(ZipArchive target, string name, byte[] content)
    {
        using var to = target.CreateEntry(ArchiveFolder + name, CompressionLevel.NoCompression).Open();
        to.Write(content);
    }

    private static void AddKeys(nn.Module module, string prefix, List<string> keys)
    {
        foreach (var (name, _) in module.named_parameters(recurse: false))
            keys.Add(prefix + name);
        foreach (var (name, _) in module.named_buffers(recurse: false))
            keys.Add(prefix + name);
        foreach (var (name, child) in module.named_children())
            AddKeys(child, prefix + name + ".", keys);
    }

    private static Dictionary<string, Tensor> ReadTensors(string path)
    {
        Hashtable table;
        try
        {
            using var stream = File.OpenRead(path);
            table = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: false);
        }
        catch (Exception e) when (e is InvalidDataException or NotImplementedException or InvalidCastException
                                      or InvalidOperationException or Razorvine.Pickle.PickleException)
        {
            throw new DataException(
                $"'{path}' is not a PyTorch state dict that can be read: {e.Message} Save it in Python with " +
                "torch.save(model.state_dict(), path), or from this tool.", e);
        }

        var tensors = new Dictionary<string, Tensor>();
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Key is string key && entry.Value is Tensor tensor)
                tensors[key] = tensor;
        }
        return tensors;
    }

    private static void CheckMatch(string path, Dictionary<string, Tensor> target, Dictionary<string, Tensor> loaded)
    {
        var problems = new List<string>();
        var missing = target.Keys.Where(k => !loaded.ContainsKey(k)).ToList();
        var unexpected = loaded.Keys.Where(k => !target.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            problems.Add("missing keys: " + string.Join(", ", missing));
        if (unexpected.Count > 0)
            problems.Add("unexpected keys: " + string.Join(", ", unexpected));

        foreach (var (key, tensor) in target.Where(p => loaded.ContainsKey(p.Key)))
        {
            var source = loaded[key];
            if (!source.shape.SequenceEqual(tensor.shape))
                problems.Add($"{key} has shape [{string.Join(", ", source.shape)}] in the file but " +
                             $"[{string.Join(", ", tensor.shape)}] in the model");
            else if (source.dtype != tensor.dtype)
                problems.Add($"{key} has element type {source.dtype} in the file but {tensor.dtype} in the model");
        }

        if (problems.Count > 0)
            throw new DataException(
                $"'{path}' does not match the model: {string.Join("; ", problems)}. Load it into the architecture " +
                "it was saved from, with the same settings.");
    }
}
