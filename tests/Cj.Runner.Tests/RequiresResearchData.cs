namespace Cj.Runner.Tests;

/// <summary>A fact skipped, with a message, when ../shared/research-data (or $CJ_RESEARCH_DATA) is absent.</summary>
public sealed class RequiresResearchDataFactAttribute : FactAttribute
{
    public RequiresResearchDataFactAttribute()
    {
        if (!Directory.Exists(Folder))
        {
            Skip = $"The research-data folder is absent (looked for {Folder}; set CJ_RESEARCH_DATA to point elsewhere).";
        }
    }

    public static string Folder { get; } = Environment.GetEnvironmentVariable("CJ_RESEARCH_DATA") is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.GetFullPath(Path.Combine(Cli.RepositoryRoot, "..", "shared", "research-data"));
}
