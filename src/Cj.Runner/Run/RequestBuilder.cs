using Cj.Contracts;
using Cj.Runner.Inventory;

namespace Cj.Runner.Run;

/// <summary>Builds the exact <c>ELS_CJAssessmentRequestV1</c> envelope that execute publishes (contracts §2 and §4).</summary>
internal static class RequestBuilder
{
    public const string DataSchemaUri = "schemas/events/ELS_CJAssessmentRequestV1.schema.json";

    /// <summary>Builds the request of <paramref name="context"/> and writes it, as published, into the run's <c>requests/</c>.</summary>
    public static EventEnvelope<ElsCjAssessmentRequestV1> Write(RunContext context, Artefact.RunFolder folder, DateTimeOffset now)
    {
        var envelope = Build(
            context.Inventory, context.Settings, context.Judge, context.BatchUuid, Guid.NewGuid(), context.CorrelationId, now,
            Environment.UserName is { Length: > 0 } user ? user : "eng5-np-runner");
        AtomicFile.WriteAllText(PathOf(context, folder), System.Text.Json.JsonSerializer.Serialize(envelope, JsonDefaults.Options) + "\n");
        return envelope;
    }

    /// <summary>The request an interrupted run already wrote (and may have published), or null when it wrote none.</summary>
    public static EventEnvelope<ElsCjAssessmentRequestV1>? Saved(RunContext context, Artefact.RunFolder folder)
    {
        var path = PathOf(context, folder);
        return File.Exists(path)
            ? System.Text.Json.JsonSerializer.Deserialize<EventEnvelope<ElsCjAssessmentRequestV1>>(File.ReadAllText(path), JsonDefaults.Options)
            : null;
    }

    private static string PathOf(RunContext context, Artefact.RunFolder folder) =>
        Path.Combine(folder.Requests, $"ELS_CJAssessmentRequestV1.{context.BatchUuid:N}.json");

    public static EventEnvelope<ElsCjAssessmentRequestV1> Build(
        AssetInventory inventory,
        RunSettings settings,
        JudgeTexts judge,
        Guid batchUuid,
        Guid eventId,
        Guid correlationId,
        DateTimeOffset now,
        string userId)
    {
        var timestamp = Timestamps.Format(now);
        var batch = batchUuid.ToString();
        var data = new ElsCjAssessmentRequestV1(
            EventName: Topics.EventNameOf(Topics.AssessmentRequested),
            EntityId: batch,
            EntityType: "batch",
            ParentId: settings.AssignmentId,
            Timestamp: timestamp,
            SystemMetadata: new SystemMetadata(batch, "batch", settings.AssignmentId, timestamp, "PENDING", Topics.EventNameOf(Topics.AssessmentRequested), null, null, null),
            EssaysForCj: [.. inventory.Students.Select(s => new EssayForCj(s.EssayId, s.File.StorageId))],
            Language: "en",
            CourseCode: settings.CourseCode,
            AssignmentId: settings.AssignmentId,
            UserId: userId,
            OrgId: null,
            StudentPromptRef: new StudentPromptRef(new Dictionary<string, StorageReference>
            {
                ["STUDENT_PROMPT_TEXT"] = new(inventory.Prompt.StorageId, inventory.Prompt.SourcePath),
            }),
            LlmConfigOverrides: Overrides(settings, judge));
        var metadata = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["batch_label"] = settings.BatchLabel,
            ["llm_batching_mode_hint"] = settings.LlmBatchingMode,
            ["runner_mode"] = "execute",
        };
        if (settings.MaxComparisons is { } cap)
        {
            metadata["max_comparisons"] = cap;
        }

        return new EventEnvelope<ElsCjAssessmentRequestV1>(
            eventId, Topics.AssessmentRequested, timestamp, SourceServices.Runner, 1, correlationId.ToString(), batchUuid, DataSchemaUri, data, metadata);
    }

    private static LlmConfigOverrides Overrides(RunSettings settings, JudgeTexts judge) => new(
        ProviderOverride: settings.LlmProvider,
        ModelOverride: settings.LlmModel,
        TemperatureOverride: settings.LlmTemperature,
        MaxTokensOverride: settings.LlmMaxTokens,
        SystemPromptOverride: judge.SystemPrompt,
        JudgeRubricOverride: judge.Rubric,
        ReasoningEffort: settings.ReasoningEffort,
        OutputVerbosity: settings.OutputVerbosity,
        BothOrders: false);
}

/// <summary>The judge's system prompt and rubric overrides, read once from <c>--system-prompt</c>, <c>--rubric</c> or the assets' rubric.</summary>
internal sealed record JudgeTexts(string? SystemPrompt, string? Rubric)
{
    public static JudgeTexts Read(RunSettings settings, AssetInventory inventory) => new(
        settings.SystemPromptPath is { } system ? ReadText(system, "--system-prompt") : null,
        settings.RubricPath is { } rubric ? ReadText(rubric, "--rubric") : inventory.Rubric?.Text);

    private static string ReadText(string path, string flag)
    {
        try
        {
            return EssayText.Read(path);
        }
        catch (InputException e)
        {
            throw new InputException($"{flag}: {e.Message}");
        }
    }
}

/// <summary>RFC 3339 UTC timestamps with milliseconds and 'Z', the wire format of every event.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
}
