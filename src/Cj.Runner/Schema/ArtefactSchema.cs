using System.Text.Json;

namespace Cj.Runner.Schema;

/// <summary>
/// The JSON Schema of the assessment artefact (<c>schemas/assessment_run.schema.json</c>), embedded in the runner and
/// checked once on first use.
/// </summary>
internal static class ArtefactSchema
{
    public const string ResourceName = "assessment_run.schema.json";

    private static readonly Lazy<CheckedSchema> Schema = new(Load);

    /// <summary>The schema document itself.</summary>
    public static JsonElement Document => Schema.Value.Root;

    /// <summary>Every way <paramref name="artefact"/> departs from the artefact schema; empty when it conforms.</summary>
    public static IReadOnlyList<SchemaError> Validate(JsonElement artefact) => JsonSchemaValidator.Validate(Schema.Value, artefact);

    private static CheckedSchema Load()
    {
        using var stream = typeof(ArtefactSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The runner assembly lacks the embedded resource '{ResourceName}'.");
        using var document = JsonDocument.Parse(stream);
        return SchemaCheck.Check(document.RootElement.Clone());
    }
}
