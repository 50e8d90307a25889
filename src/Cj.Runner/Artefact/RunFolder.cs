using System.Security.Cryptography;

namespace Cj.Runner.Artefact;

/// <summary>
/// A run's own folder, <c>&lt;output-dir&gt;/runs/&lt;label&gt;-&lt;uuid8&gt;/</c>, which no other run writes into. The
/// manifest covers exactly its <c>requests/</c> and <c>events/</c> files.
/// </summary>
internal sealed class RunFolder
{
    private RunFolder(string outputDirectory, string path)
    {
        OutputDirectory = outputDirectory;
        Path = path;
    }

    public string OutputDirectory { get; }

    public string Path { get; }

    public string Requests => System.IO.Path.Combine(Path, "requests");

    public string Events => System.IO.Path.Combine(Path, "events");

    public string Logs => System.IO.Path.Combine(Path, "logs");

    public static string NameOf(string label, Guid batchUuid) => $"{label}-{batchUuid.ToString("N")[..8]}";

    /// <summary>Creates the folder tree; an output folder that cannot be written is bad input (exit 2).</summary>
    public static RunFolder Create(string outputDirectory, string label, Guid batchUuid)
    {
        var full = System.IO.Path.GetFullPath(outputDirectory);
        var path = System.IO.Path.Combine(full, "runs", NameOf(label, batchUuid));
        try
        {
            if (Directory.Exists(path))
            {
                throw new InputException($"{path}: a run folder of this name already exists; refusing to overwrite another run.");
            }

            var folder = new RunFolder(full, path);
            foreach (var sub in new[] { folder.Requests, folder.Logs, System.IO.Path.Combine(folder.Events, "comparisons"), System.IO.Path.Combine(folder.Events, "assessment_results"), System.IO.Path.Combine(folder.Events, "completions") })
            {
                Directory.CreateDirectory(sub);
            }

            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"--output-dir {outputDirectory}: cannot be written ({e.Message}).");
        }
    }

    /// <summary>
    /// The folder of the latest execute run of <paramref name="label"/> under <paramref name="outputDirectory"/>: the
    /// one with a <paramref name="marker"/> file written last. Throws <see cref="InputException"/> when there is none.
    /// </summary>
    public static RunFolder Latest(string outputDirectory, string label, string marker)
    {
        var full = System.IO.Path.GetFullPath(outputDirectory);
        var runs = System.IO.Path.Combine(full, "runs");
        var latest = Directory.Exists(runs)
            ? Directory.EnumerateDirectories(runs, label + "-*")
                .Where(d => System.IO.Path.GetFileName(d).Length == label.Length + 9 && File.Exists(System.IO.Path.Combine(d, marker)))
                .OrderByDescending(d => File.GetLastWriteTimeUtc(System.IO.Path.Combine(d, marker)))
                .FirstOrDefault()
            : null;
        return latest is null
            ? throw new InputException($"--resume: no execute run labelled '{label}' under {runs} (looked for runs/{label}-<uuid8>/{marker}).")
            : new RunFolder(full, latest);
    }

    /// <summary>Every file under requests/ and events/, keyed by its path relative to the run folder ('/' separators).</summary>
    public SortedDictionary<string, ManifestEntry> Manifest()
    {
        var manifest = new SortedDictionary<string, ManifestEntry>(StringComparer.Ordinal);
        foreach (var root in new[] { Requests, Events })
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                if (System.IO.Path.GetFileName(file).StartsWith('.'))
                {
                    continue;
                }

                var bytes = File.ReadAllBytes(file);
                var relative = System.IO.Path.GetRelativePath(Path, file).Replace('\\', '/');
                manifest[relative] = new ManifestEntry(Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength);
            }
        }

        return manifest;
    }
}
