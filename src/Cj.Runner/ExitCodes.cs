namespace Cj.Runner;

/// <summary>The runner's documented exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An internal error (a bug), such as an artefact that fails its own schema.</summary>
    public const int InternalError = 1;

    /// <summary>Invalid usage or input; nothing was sent.</summary>
    public const int InvalidInput = 2;

    /// <summary>A required service or broker was unreachable, or auth was refused, before anything was sent.</summary>
    public const int Unreachable = 3;

    /// <summary>The batch failed (failure event received).</summary>
    public const int BatchFailed = 4;

    /// <summary>Completion timeout; a partial artefact was written.</summary>
    public const int CompletionTimeout = 5;
}
