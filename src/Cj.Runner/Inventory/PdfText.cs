using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Cj.Runner.Inventory;

/// <summary>The text of a PDF, from <c>pdftotext -layout -enc UTF-8 FILE -</c> (poppler-utils) when it is on PATH.</summary>
internal static class PdfText
{
    private const int TimeoutSeconds = 60;

    /// <summary>Finds the pdftotext executable (null when absent); tests replace it to simulate a missing tool.</summary>
    internal static Func<string?> FindPdfToText { get; set; } = () => FindOnPath("pdftotext");

    public static string Extract(string path)
    {
        var tool = FindPdfToText()
            ?? throw new InputException($"{path}: PDF essays need pdftotext (Debian package poppler-utils); not found on PATH.");
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        // A full path, so a file name starting with '-' is never taken for an option.
        foreach (var argument in (string[])["-layout", "-enc", "UTF-8", Path.GetFullPath(path), "-"])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InputException($"{path}: pdftotext failed: it did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(TimeoutSeconds)))
            {
                process.Kill(entireProcessTree: true);
                throw new InputException($"{path}: pdftotext failed: no result after {TimeoutSeconds} s.");
            }

            Task.WaitAll(output, error);
            if (process.ExitCode != 0)
            {
                // Problems are reported one per line, so the tool's message is folded onto one.
                var lines = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var reason = string.Join("; ", lines.Distinct(StringComparer.Ordinal));
                throw new InputException(
                    $"{path}: pdftotext failed: {(reason.Length > 0 ? reason : "no message")} (exit code {process.ExitCode}).");
            }

            // pdftotext ends each page with a form feed.
            return output.Result.Replace('\f', '\n');
        }
        catch (Win32Exception ex)
        {
            throw new InputException($"{path}: pdftotext failed: {InventoryProblems.Reason(ex)}.");
        }
    }

    /// <summary>The full path of <paramref name="name"/> in a PATH folder (with .exe on Windows), or null.</summary>
    internal static string? FindOnPath(string name)
    {
        var file = OperatingSystem.IsWindows() ? name + ".exe" : name;
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.Select(folder => Path.Combine(folder, file)).FirstOrDefault(File.Exists);
    }
}
