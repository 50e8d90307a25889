namespace Cj.Runner.Tests;

/// <summary>
/// Approved-text checks for what people read. On a mismatch the received text is written beside the approved
/// file as <c>*.received.txt</c>; review it and rename it to <c>*.approved.txt</c> to accept the change.
/// </summary>
internal static class Approvals
{
    public static void Verify(string received, string name)
    {
        var folder = Path.Combine(Cli.RepositoryRoot, "tests", "Cj.Runner.Tests", "Approved");
        var approvedPath = Path.Combine(folder, $"{name}.approved.txt");
        var receivedPath = Path.Combine(folder, $"{name}.received.txt");
        var normalised = received.ReplaceLineEndings("\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == normalised)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, normalised);
        Assert.Fail(approved is null
            ? $"No approved text for '{name}'. Review {receivedPath} and rename it to {approvedPath}."
            : $"Text for '{name}' differs from {approvedPath}; see {receivedPath}.");
    }
}
