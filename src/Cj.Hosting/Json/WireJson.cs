using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cj.Hosting.Json;

/// <summary>
/// The JSON options of everything that crosses a process boundary (contracts §1): snake_case property names
/// (<see cref="JsonNamingPolicy.SnakeCaseLower"/>), dictionary keys written as given, enums as snake_case
/// strings, nulls always written, relaxed escaping (no <c>\u00e5</c> for non-ASCII letters), not indented,
/// decimals as JSON numbers. Readers ignore unknown properties.
/// </summary>
public static class WireJson
{
    /// <summary>The shared, read-only options instance; copy it (<c>new JsonSerializerOptions(Options)</c>) to vary it.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            WriteIndented = false,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
