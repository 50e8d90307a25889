namespace Cj.Runner.Inventory;

/// <summary>Every problem found in an assets folder, so the user can fix them all at once.</summary>
internal sealed class InventoryProblems
{
    private readonly List<string> _problems = [];

    public int Count => _problems.Count;

    /// <summary>Adds a problem; <paramref name="problem"/> starts with the path it concerns.</summary>
    public void Add(string problem) => _problems.Add(problem);

    /// <summary>Runs <paramref name="read"/>, recording its <see cref="InputException"/> as a problem; null on failure.</summary>
    public T? Try<T>(Func<T> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (InputException ex)
        {
            Add(ex.Message);
            return null;
        }
    }

    /// <summary>An exception's message fit to sit in parentheses inside a problem (no trailing full stop).</summary>
    public static string Reason(Exception ex) => ex.Message.Trim().TrimEnd('.');

    /// <summary>Throws one <see cref="InputException"/> listing every problem, one per line, if there are any.</summary>
    public void ThrowIfAny(string assetsDirectory)
    {
        if (_problems.Count > 0)
        {
            var noun = _problems.Count == 1 ? "problem" : "problems";
            throw new InputException(
                $"The assets folder {assetsDirectory} has {_problems.Count} {noun}:\n  " + string.Join("\n  ", _problems));
        }
    }
}
