using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cj.Runner.Schema;

namespace Cj.Runner.Artefact;

/// <summary>
/// Seals and writes an artefact: the checksum is the SHA-256 of the artefact serialised with
/// <c>validation.artefact_checksum</c> empty; the result is validated against the artefact schema before it is
/// written (atomically) into the run folder, and the latest copy is replaced at <c>&lt;output-dir&gt;/assessment_run.&lt;mode&gt;.json</c>.
/// </summary>
internal static class ArtefactWriter
{
    public static string FileName(string mode) => $"assessment_run.{mode}.json";

    /// <summary>The fields of the runbook's <c>runner_validation_state</c> log event: manifest length, checksum and runner status.</summary>
    public static Dictionary<string, object?> ValidationState(AssessmentRun artefact, string path) => new()
    {
        ["manifest_entries"] = artefact.Validation.Manifest.Count,
        ["artefact_checksum"] = artefact.Validation.ArtefactChecksum,
        ["runner_status"] = JsonSerializer.SerializeToElement(artefact.Validation.RunnerStatus, JsonDefaults.Options),
        ["artefact_path"] = path,
    };

    public static AssessmentRun Seal(AssessmentRun artefact)
    {
        var unsealed = artefact with { Validation = artefact.Validation with { ArtefactChecksum = "" } };
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Serialise(unsealed)));
        return artefact with { Validation = artefact.Validation with { ArtefactChecksum = checksum } };
    }

    public static byte[] Serialise(AssessmentRun artefact) =>
        Encoding.UTF8.GetBytes(JsonSerializer.Serialize(artefact, JsonDefaults.Options) + "\n");

    /// <summary>Writes the sealed artefact; returns its path. An artefact that fails the schema is kept as <c>*.invalid.json</c>.</summary>
    public static string Write(RunFolder folder, AssessmentRun sealedArtefact)
    {
        var bytes = Serialise(sealedArtefact);
        var name = FileName(sealedArtefact.Metadata.RunnerMode);
        var path = Path.Combine(folder.Path, name);
        using (var document = JsonDocument.Parse(bytes))
        {
            var errors = ArtefactSchema.Validate(document.RootElement);
            if (errors.Count > 0)
            {
                var invalid = Path.ChangeExtension(path, ".invalid.json");
                AtomicFile.WriteAllBytes(invalid, bytes);
                throw new ArtefactInvalidException(invalid, errors.Select(e => $"{e.InstancePath}: {e.Message}").ToArray());
            }
        }

        AtomicFile.WriteAllBytes(path, bytes);
        AtomicFile.WriteAllBytes(Path.Combine(folder.OutputDirectory, name), bytes);
        return path;
    }
}

/// <summary>The runner built an artefact its own schema rejects: a bug, never the user's fault.</summary>
internal sealed class ArtefactInvalidException(string path, IReadOnlyList<string> errors)
    : Exception($"The artefact failed schema validation and was kept for inspection at {path}:\n  {string.Join("\n  ", errors)}");
