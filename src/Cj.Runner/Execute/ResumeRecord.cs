using System.Text.Json;
using System.Text.Json.Serialization;
using Cj.Core.Grading;
using Cj.Runner.Artefact;
using Cj.Runner.Inventory;
using Cj.Runner.Run;

namespace Cj.Runner.Execute;

/// <summary>
/// What <c>--resume</c> needs to continue an execute run: its identity, its effective settings and the checksum of
/// every input file. Written as <c>resume.json</c> in the run folder before the embedded stack starts.
/// </summary>
internal sealed record ResumeRecord(
    string BatchLabel,
    Guid BatchUuid,
    Guid CorrelationId,
    DateTimeOffset StartedAt,
    RunSettings Settings,
    SortedDictionary<string, string> Inputs)
{
    public const string FileName = "resume.json";

    private static readonly JsonSerializerOptions Json = new(JsonDefaults.Options) { Converters = { new ScaleByName() } };

    public static ResumeRecord Of(RunContext context) =>
        new(context.Settings.BatchLabel, context.BatchUuid, context.CorrelationId, context.StartedAt, context.Settings, Checksums(context.Inventory, context.Settings));

    public void Write(RunFolder folder) =>
        AtomicFile.WriteAllText(Path.Combine(folder.Path, FileName), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Reads the record of <paramref name="folder"/>; a missing or unreadable one is bad input naming the file.</summary>
    public static ResumeRecord Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            return JsonSerializer.Deserialize<ResumeRecord>(File.ReadAllText(path), Json)
                ?? throw new InputException($"{path}: empty resume record.");
        }
        catch (Exception e) when (e is JsonException or IOException or ArgumentException or NotSupportedException)
        {
            throw new InputException($"{path}: not a readable resume record ({e.Message}).");
        }
    }

    /// <summary>Refuses to resume when an input file changed since the run started, naming every changed file.</summary>
    public void RequireSameInputs(AssetInventory inventory, RunSettings settings)
    {
        var now = Checksums(inventory, settings);
        var changed = Inputs.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Where(file => Inputs.GetValueOrDefault(file) != now.GetValueOrDefault(file))
            .Select(file => !now.ContainsKey(file) ? $"{file}: removed since the run started"
                : !Inputs.ContainsKey(file) ? $"{file}: added since the run started"
                : $"{file}: changed since the run started")
            .ToList();
        if (changed.Count > 0)
        {
            throw new InputException(
                $"--resume: the assets in {inventory.AssetsDirectory} are not the ones the run started with:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", changed));
        }
    }

    /// <summary>Every asset by its path in the assets folder, and the <c>--system-prompt</c> and <c>--rubric</c> files when given.</summary>
    private static SortedDictionary<string, string> Checksums(AssetInventory inventory, RunSettings settings)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in new[] { inventory.Instructions, inventory.Prompt, inventory.Rubric }
                     .Concat(inventory.Anchors.Select(a => a.File))
                     .Concat(inventory.Students.Select(s => s.File)))
        {
            if (file is not null)
            {
                files[file.SourcePath] = file.Sha256;
            }
        }

        foreach (var (flag, path) in new[] { ("--system-prompt", settings.SystemPromptPath), ("--rubric", settings.RubricPath) })
        {
            if (path is not null && File.Exists(path))
            {
                files[$"{flag} {Path.GetFullPath(path)}"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
            }
        }

        return files;
    }

    /// <summary>Grade scales are stored by name; only built-in scales reach the runner.</summary>
    private sealed class ScaleByName : JsonConverter<GradeScale>
    {
        public override GradeScale Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            GradeScale.Named(reader.GetString() ?? throw new JsonException("grade_scale: null"));

        public override void Write(Utf8JsonWriter writer, GradeScale value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Name);
    }
}
