namespace Cj.Runner.Run;

/// <summary>Finds the default assets folder: the team's ENG5 role models when present, else the demo assets.</summary>
internal static class AssetsLocator
{
    public const string RoleModels = "test_uploads/ANCHOR ESSAYS/ROLE_MODELS_ENG5_NP_2016";

    public static string Default()
    {
        if (Directory.Exists(RoleModels))
        {
            return RoleModels;
        }

        return Demo() ?? Path.Combine("samples", "eng5-demo");
    }

    /// <summary>The demo assets shipped beside the binary, or in <c>samples/eng5-demo</c> of a source checkout.</summary>
    public static string? Demo()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "demo-assets", "eng5-demo");
        if (Directory.Exists(shipped))
        {
            return shipped;
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "eng5-demo");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
