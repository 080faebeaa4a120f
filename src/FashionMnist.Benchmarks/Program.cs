using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FashionMnist.Benchmarks;
using FashionMnist.Data;
using FashionMnist.Experiments;
using FashionMnist.Hosting;
using FashionMnist.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TorchSharp;

// Measures data loading, model throughput, a whole baseline epoch and the peak memory of the baseline run,
// and, with --pytorch, the same quantities of the PyTorch reference in bench/pytorch_reference.py, printing
// one Markdown table with the ratios. Run it alone on the machine: another busy process skews every figure.
var options = BenchOptions.Parse(args);
if (options.ChildBaseline is { } childExperiment)
    return await BaselineChild.RunAsync(childExperiment, options.Threads);

NativeHeap.TuneForTraining();
torch.set_num_threads(options.Threads);
var services = new ServiceCollection().AddLogging().AddFashionMnist().BuildServiceProvider();
var reader = services.GetRequiredService<ComponentCatalog<IDatasetReader>>().Get("idx");
var dataOptions = new DataOptions { Dir = options.DataDirectory };
var dataset = reader.Read(dataOptions);
var workDirectory = Directory.CreateTempSubdirectory("fmnist-bench-");
var csvPath = Path.Combine(workDirectory.FullName, "fashion-mnist_train.csv");
IdxCsvConverter.WriteCsv(dataset.Train, csvPath);
Console.Error.WriteLine($"bench: {options.Threads} threads, {options.Repeats} repeats, data from {dataset.Files[0].Path}");

var ours = new List<Measurement>();
void Measure(string key, string unit, Func<double> measure)
{
    var measurement = new Measurement(key, measure(), unit);
    ours.Add(measurement);
    Console.Error.WriteLine($"bench: {key} = {measurement.Value.ToString("G6", CultureInfo.InvariantCulture)} {unit}");
}

Measure("csv_load_s", "s", () => Stopwatches.MedianSeconds(options.Repeats, () => CsvFormat.ReadSet(csvPath, NullLogger.Instance, default)));
Measure("idx_load_s", "s", () => Stopwatches.MedianSeconds(options.Repeats, () => reader.Read(dataOptions)));
Measure("train_b32_ips", "images/s", () => ModelThroughput.Train(dataset.Train, 32, 400, options.Repeats));
Measure("train_b256_ips", "images/s", () => ModelThroughput.Train(dataset.Train, 256, 60, options.Repeats));
Measure("infer_b1000_ips", "images/s", () => ModelThroughput.Infer(dataset.Test, 1000, options.Repeats));
Measure("epoch_s", "s", () => BaselineEpoch.Seconds(dataset.Train, services, options.Repeats));
if (!options.SkipMemory)
    Measure("peak_memory_mb", "MB", () => BaselineChild.PeakMemoryMegabytes(options));

var reference = options.Python is null
    ? new Dictionary<string, double>()
    : PyTorchReference.Run(options, csvPath, dataset.Files[0].Path);
ResultTable.Write(Console.Out, ours, reference, options);
workDirectory.Delete(recursive: true);
return 0;
