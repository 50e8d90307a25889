namespace Cj.Runner.Tests;

/// <summary>Runs the CLI in-process with captured output.</summary>
internal static class Cli
{
    public static (int Exit, string Out, string Err) Run(params string[] args) => RunWith(NoEnvironment, args);

    /// <summary>Runs with only the given environment variables visible to the runner.</summary>
    public static (int Exit, string Out, string Err) RunWith(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, name => environment.GetValueOrDefault(name));
        return (exit, output.ToString(), error.ToString());
    }

    private static readonly Dictionary<string, string> NoEnvironment = [];

    /// <summary>The repository root (the folder holding Cj.slnx).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Sample(string relative) => Path.Combine(RepositoryRoot, "samples", relative);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cj.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cj.slnx not found above the test binaries.");
    }
}
