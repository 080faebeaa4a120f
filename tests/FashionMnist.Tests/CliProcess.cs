using System.Diagnostics;

namespace FashionMnist.Tests;

/// <summary>
/// Runs the built <c>fmnist</c> as a separate process. It runs from the CLI project's own output folder, whose
/// dependency list matches its files; the test folder's copy resolves against the ASP.NET Core framework instead.
/// </summary>
internal static class CliProcess
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Assembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            return Path.Combine(RepositoryRoot, "src", "FashionMnist.Cli", "bin", configuration, "net10.0", "fmnist.dll");
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["CI"] = "true";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FashionMnist.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("The tests must run from inside the repository.");
    }
}
