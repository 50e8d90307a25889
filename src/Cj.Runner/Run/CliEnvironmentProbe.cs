using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Cj.Runner.Artefact;

namespace Cj.Runner.Run;

/// <summary>What the artefact records about the machine: runtime, OS, tool versions and the git SHA.</summary>
internal static class CliEnvironmentProbe
{
    public static string RunnerVersion { get; } =
        typeof(CliEnvironmentProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "0.0.0";

    public static CliEnvironment Capture() => new(
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["eng5-np-run"] = RunnerVersion,
            ["pdftotext"] = FirstLine("pdftotext", "-v") ?? "not found",
        });

    /// <summary>The commit of the working directory's repository, or "UNKNOWN" when git is absent or fails.</summary>
    public static string GitSha(string directory, string git = "git") =>
        FirstLine(git, "-C", directory, "rev-parse", "HEAD") is { Length: 40 } sha ? sha : "UNKNOWN";

    /// <summary>Runs a tool and returns its first line of output, or null when it is missing or fails.</summary>
    private static string? FirstLine(string tool, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            if (!process.WaitForExit(10_000) || process.ExitCode != 0)
            {
                return null;
            }

            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
