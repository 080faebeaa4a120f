using System.Diagnostics;
using System.Globalization;
using FashionMnist.Models;
using FashionMnist.Reporting;
using FashionMnist.Tests.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace FashionMnist.Tests.Training;

public class PyTorchInteropTests
{
    private const string Python = "/usr/bin/python3";

    [FactWhenPyTorchInstalled]
    public void SavedWeights_LoadInPyTorch()
    {
        using var temp = new TempDirectory();
        random.manual_seed(5);
        using var model = new BlogCnn().Create(new BlogCnn.Settings());
        model.eval();
        using var input = rand(4, 1, 28, 28) * 255;
        using var output = model.forward(input);
        var weights = temp.File("model.pt");
        PyTorchStateDict.Save(model, weights);
        File.WriteAllText(temp.File("input.txt"), string.Join(' ', input.data<float>().ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))));

        var script = $$"""
            import sys, torch
            sys.path.insert(0, {{Quote(RepositoryFile("bench"))}})
            from pytorch_reference import Net
            model = Net()
            model.load_state_dict(torch.load({{Quote(weights)}}))
            model.eval()
            values = [float(v) for v in open({{Quote(temp.File("input.txt"))}}).read().split()]
            with torch.no_grad():
                out = model(torch.tensor(values).view(4, 1, 28, 28))
            print(" ".join(repr(v) for v in out.flatten().tolist()))
            """;
        var printed = RunPython(script);

        var expected = output.data<float>().ToArray();
        var actual = printed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 4);
    }

    private static string Quote(string path) => "r'" + path + "'";

    private static string RepositoryFile(string name) => Path.Combine(CliProcess.RepositoryRoot, name);

    private static string RunPython(string script)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python exited with {process.ExitCode}: {error}");
        return output.Trim();
    }

    /// <summary>Runs the test only where Debian's python3-torch is installed; otherwise reports it as skipped, with the reason.</summary>
    private sealed class FactWhenPyTorchInstalledAttribute : FactAttribute
    {
        public FactWhenPyTorchInstalledAttribute()
        {
            if (!PyTorchAvailable.Value)
                Skip = $"PyTorch is not installed for {Python}; install Debian's python3-torch to run this test.";
        }

        private static readonly Lazy<bool> PyTorchAvailable = new(() =>
        {
            if (!File.Exists(Python))
                return false;
            using var process = Process.Start(new ProcessStartInfo(Python, "-c \"import torch\"") { RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        });
    }
}
