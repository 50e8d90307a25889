using Cj.Runner.Artefact;
using Cj.Runner.Inventory;

namespace Cj.Runner.Run;

/// <summary>The identity and inputs of one run, fixed when it starts.</summary>
internal sealed record RunContext(
    RunSettings Settings,
    AssetInventory Inventory,
    JudgeTexts Judge,
    Guid BatchUuid,
    Guid CorrelationId,
    DateTimeOffset StartedAt,
    string GitSha,
    CliEnvironment Environment);
