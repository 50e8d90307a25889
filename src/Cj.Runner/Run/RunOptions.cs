using System.CommandLine;
using Cj.Core.Grading;

namespace Cj.Runner.Run;

/// <summary>The run flags of the seed runbook (<c>--mode</c>, <c>--batch-id</c>, …), each with its default and environment variable.</summary>
internal sealed class RunOptions
{
    private readonly Func<string, string?> _environment;

    public RunOptions(Func<string, string?> environment)
    {
        _environment = environment;
        Mode.AcceptOnlyFromAmong("plan", "dry-run", "execute", "anchor-align-test");
        LlmBatchingMode.AcceptOnlyFromAmong("per_request", "serial_bundle", "provider_batch_api");
        ReasoningEffort.AcceptOnlyFromAmong("none", "minimal", "low", "medium", "high");
        OutputVerbosity.AcceptOnlyFromAmong("low", "medium", "high");
        LogFormat.AcceptOnlyFromAmong("json", "text");
    }

    public Option<string> Mode { get; } = new("--mode") { HelpName = "MODE", Description = "What to do: plan (inventory, settings, budget and cost estimate; sends nothing), dry-run (plan plus the exact request envelope and a stub artefact in the run folder), execute or anchor-align-test.", DefaultValueFactory = _ => "plan" };

    public Option<string> BatchId { get; } = new("--batch-id") { Description = "Human label of the batch; a fresh batch UUID is always generated and the run folder is runs/<label>-<uuid8>.", DefaultValueFactory = _ => "eng5-np", HelpName = "LABEL" };

    public Option<string?> Assets { get; } = new("--assets") { Description = "Assets folder (instructions, prompt, optional rubric, anchors/, students/). Env ENG5_ASSETS_DIR. Default: test_uploads/ANCHOR ESSAYS/ROLE_MODELS_ENG5_NP_2016 when it exists, else the demo assets shipped with the runner.", HelpName = "DIR" };

    public Option<string?> OutputDir { get; } = new("--output-dir") { Description = "Where run folders and the latest artefact copy are written. Env ENG5_OUTPUT_DIR. Default: data/eng5_np_2016.", HelpName = "DIR" };

    public Option<string?> CjServiceUrl { get; } = new("--cj-service-url") { Description = "CJ Assessment Service URL (distributed mode). Env CJ_SERVICE_URL. Default: none, the embedded stack.", HelpName = "URL" };

    public Option<string?> KafkaBootstrap { get; } = new("--kafka-bootstrap") { Description = "Kafka bootstrap servers (distributed mode). Env KAFKA_BOOTSTRAP_SERVERS.", HelpName = "HOSTS" };

    public Option<bool> NoKafka { get; } = new("--no-kafka") { Description = "Do not publish to Kafka (uploads still happen in distributed execute; changes nothing in plan and dry-run)." };

    public Option<bool> AwaitCompletion { get; } = new("--await-completion") { Description = "Execute: wait for the batch to complete and write the final artefact." };

    public Option<int> CompletionTimeout { get; } = new("--completion-timeout") { Description = "Execute: seconds to wait for completion before writing a partial artefact (exit 5).", DefaultValueFactory = _ => 1800, HelpName = "SECONDS" };

    public Option<int?> MaxComparisons { get; } = new("--max-comparisons") { Description = "Cap on the comparison budget (at least 2), published as metadata.max_comparisons; never slices essays locally. Default: the service's budget (15 comparisons per essay).", HelpName = "N" };

    public Option<string?> LlmProvider { get; } = new("--llm-provider") { Description = "LLM provider: openai, anthropic, google, openrouter, openai_compatible, mock, replay or simulated. Default: from the API keys in the environment, else mock (synthetic verdicts).", HelpName = "NAME" };

    public Option<string?> LlmModel { get; } = new("--llm-model") { Description = "Model override. Default: the provider's default model.", HelpName = "MODEL" };

    public Option<double?> LlmTemperature { get; } = new("--llm-temperature") { Description = "Temperature override, 0.0–2.0 (0.0 is a value). Default: the service default.", HelpName = "T" };

    public Option<int?> LlmMaxTokens { get; } = new("--llm-max-tokens") { Description = "Maximum completion tokens per comparison (at least 1). Default: the service default.", HelpName = "N" };

    public Option<string?> ReasoningEffort { get; } = new("--reasoning-effort") { HelpName = "EFFORT", Description = "Reasoning effort for models that support it: none, minimal, low, medium or high." };

    public Option<string?> OutputVerbosity { get; } = new("--output-verbosity") { HelpName = "LEVEL", Description = "Output verbosity for models that support it: low, medium or high." };

    public Option<string> LlmBatchingMode { get; } = new("--llm-batching-mode") { HelpName = "MODE", Description = "per_request, serial_bundle or provider_batch_api (one wave, all pairs up to the cap, scored once).", DefaultValueFactory = _ => "serial_bundle" };

    public Option<string?> AssignmentId { get; } = new("--assignment-id") { Description = "Assignment the anchors are registered under. Default: none (guest run).", HelpName = "ID" };

    public Option<string> CourseId { get; } = new("--course-id") { Description = "Course code.", DefaultValueFactory = _ => "ENG5", HelpName = "CODE" };

    public Option<string?> ExpectedGradeScale { get; } = new("--expected-grade-scale") { Description = "Fail unless the assignment's grade scale is this one (checked at execute preflight; must equal --grade-scale when both are given).", HelpName = "NAME" };

    public Option<string> GradeScale { get; } = new("--grade-scale") { Description = $"Grade scale of the anchors: {string.Join(", ", Core.Grading.GradeScale.KnownNames)}.", DefaultValueFactory = _ => "eng5_np_legacy_9_step", HelpName = "NAME" };

    public Option<string?> SystemPrompt { get; } = new("--system-prompt") { Description = "File whose text replaces the judge's system prompt.", HelpName = "FILE" };

    public Option<string?> Rubric { get; } = new("--rubric") { Description = "File whose text replaces the judge rubric (default: rubric.md/.txt in the assets folder, if any).", HelpName = "FILE" };

    public Option<bool> ForceReupload { get; } = new("--force-reupload") { Description = "Execute: upload every essay again even when the content-hash cache says it is unchanged." };

    public Option<bool> Resume { get; } = new("--resume") { Description = "Execute: continue the latest run of --batch-id in --output-dir after its process was killed or crashed, with the settings and assets it started with; no comparison is lost or counted twice (a call in flight at the interruption may be made again). On a finished run, only writes its artefact again." };

    public Option<string> LogFormat { get; } = new("--log-format") { HelpName = "FORMAT", Description = "json: JSON log lines on stderr as well as in logs/runner.log; text: human output on stderr.", DefaultValueFactory = _ => "text" };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "More detail on stderr." };

    public IEnumerable<Option> All =>
    [
        Mode, BatchId, Assets, OutputDir, CjServiceUrl, KafkaBootstrap, NoKafka, AwaitCompletion, CompletionTimeout, MaxComparisons,
        LlmProvider, LlmModel, LlmTemperature, LlmMaxTokens, ReasoningEffort, OutputVerbosity, LlmBatchingMode, AssignmentId, CourseId,
        ExpectedGradeScale, GradeScale, SystemPrompt, Rubric, ForceReupload, Resume, LogFormat, Verbose,
    ];

    /// <summary>Binds and validates; bad values throw <see cref="InputException"/> naming the flag.</summary>
    public RunSettings Bind(ParseResult parse)
    {
        var maxComparisons = parse.GetValue(MaxComparisons);
        if (maxComparisons is < 2)
        {
            throw new InputException($"--max-comparisons: must be at least 2, got {maxComparisons}.");
        }

        var temperature = parse.GetValue(LlmTemperature);
        if (temperature is < 0 or > 2)
        {
            throw new InputException($"--llm-temperature: must be between 0.0 and 2.0, got {temperature}.");
        }

        if (parse.GetValue(LlmMaxTokens) is < 1)
        {
            throw new InputException("--llm-max-tokens: must be at least 1.");
        }

        if (parse.GetValue(CompletionTimeout) < 1)
        {
            throw new InputException("--completion-timeout: must be at least 1 second.");
        }

        var scale = Scale(parse.GetValue(GradeScale)!, "--grade-scale");
        if (parse.GetValue(ExpectedGradeScale) is { } expected && !Scale(expected, "--expected-grade-scale").Equals(scale))
        {
            throw new InputException($"--expected-grade-scale: {expected} differs from --grade-scale {scale.Name}.");
        }

        var label = parse.GetValue(BatchId)!.Trim();
        if (label.Length == 0 || label.Length > 80 || label.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            throw new InputException($"--batch-id: '{label}' must be 1–80 characters of letters, digits, '-', '_' and '.'.");
        }

        return new RunSettings
        {
            Mode = RunnerModes.Parse(parse.GetValue(Mode)!),
            BatchLabel = label,
            AssetsDirectory = parse.GetValue(Assets) ?? _environment("ENG5_ASSETS_DIR") ?? AssetsLocator.Default(),
            OutputDirectory = parse.GetValue(OutputDir) ?? _environment("ENG5_OUTPUT_DIR") ?? Path.Combine("data", "eng5_np_2016"),
            CjServiceUrl = parse.GetValue(CjServiceUrl) ?? _environment("CJ_SERVICE_URL"),
            KafkaBootstrap = parse.GetValue(KafkaBootstrap) ?? _environment("KAFKA_BOOTSTRAP_SERVERS"),
            NoKafka = parse.GetValue(NoKafka),
            AwaitCompletion = parse.GetValue(AwaitCompletion),
            CompletionTimeoutSeconds = parse.GetValue(CompletionTimeout),
            MaxComparisons = maxComparisons,
            LlmProvider = parse.GetValue(LlmProvider) ?? ProviderFromEnvironment(),
            LlmModel = parse.GetValue(LlmModel),
            LlmTemperature = temperature,
            LlmMaxTokens = parse.GetValue(LlmMaxTokens),
            ReasoningEffort = parse.GetValue(ReasoningEffort),
            OutputVerbosity = parse.GetValue(OutputVerbosity),
            LlmBatchingMode = parse.GetValue(LlmBatchingMode)!,
            AssignmentId = parse.GetValue(AssignmentId),
            CourseCode = parse.GetValue(CourseId)!,
            GradeScale = scale,
            SystemPromptPath = parse.GetValue(SystemPrompt),
            RubricPath = parse.GetValue(Rubric),
            ForceReupload = parse.GetValue(ForceReupload),
            Resume = parse.GetValue(Resume),
            JsonLogs = parse.GetValue(LogFormat) == "json",
            Verbose = parse.GetValue(Verbose),
        };
    }

    private string ProviderFromEnvironment() =>
        _environment("OPENAI_API_KEY") is { Length: > 0 } ? "openai"
        : _environment("ANTHROPIC_API_KEY") is { Length: > 0 } ? "anthropic"
        : _environment("GOOGLE_API_KEY") is { Length: > 0 } ? "google"
        : _environment("OPENROUTER_API_KEY") is { Length: > 0 } ? "openrouter"
        : "mock";

    private static GradeScale Scale(string name, string flag)
    {
        try
        {
            return Core.Grading.GradeScale.Named(name);
        }
        catch (ArgumentException e)
        {
            throw new InputException($"{flag}: {e.Message}");
        }
    }
}
