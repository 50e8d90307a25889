namespace Cj.Runner.Execute;

/// <summary>
/// One process at a time per run folder: an exclusive lock on <c>state/run.lock</c>, held while execute (or
/// <c>--resume</c>) works on the folder, released when the process ends, however it ends. A second process would
/// share the services' stores and the bus journal with the first and could make the same calls twice.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private readonly FileStream _file;

    private RunLock(FileStream file) => _file = file;

    /// <summary>Takes the lock or throws <see cref="InputException"/> (exit 2) when another process holds it.</summary>
    public static RunLock Acquire(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, "run.lock");
        try
        {
            return new RunLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new InputException($"{path}: another eng5-np-run process is working on this run folder ({e.Message}); wait for it or stop it first.");
        }
    }

    public void Dispose() => _file.Dispose();
}
