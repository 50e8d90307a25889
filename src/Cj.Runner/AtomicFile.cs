using System.Collections.Concurrent;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Cj.Runner;

/// <summary>Writes a file through a temporary sibling and a rename, so a reader never sees half a file.</summary>
internal static class AtomicFile
{
    /// <summary>Folders this process has already created (the collector writes thousands of files into a few).</summary>
    private static readonly ConcurrentDictionary<string, bool> Created = new(StringComparer.Ordinal);

    private static long temporaries;

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Interlocked.Increment(ref temporaries)}.tmp");
        try
        {
            try
            {
                EnsureFolder(directory);
                Write(temporary, bytes);
            }
            catch (DirectoryNotFoundException)
            {
                // The folder went away after this process created it: create it again.
                Created.TryRemove(directory, out _);
                EnsureFolder(directory);
                Write(temporary, bytes);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new InputException($"{path}: cannot be written ({e.Message}).");
        }
    }

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the write already failed, and that is what the caller hears about.
        }
    }

    private static void EnsureFolder(string directory)
    {
        if (!Created.ContainsKey(directory))
        {
            Directory.CreateDirectory(directory);
            Created.TryAdd(directory, true);
        }
    }

    /// <summary>
    /// Creates <paramref name="temporary"/> exclusively and writes it: no truncation after locking and no file-system probe,
    /// which <see cref="File.WriteAllBytes(string, byte[])"/> both pay. A leftover of a killed process is replaced.
    /// </summary>
    private static void Write(string temporary, byte[] bytes)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (IOException e) when (e is not DirectoryNotFoundException && File.Exists(temporary))
        {
            File.Delete(temporary);
            handle = File.OpenHandle(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }

        using (handle)
        {
            RandomAccess.Write(handle, bytes, 0);
        }
    }
}
