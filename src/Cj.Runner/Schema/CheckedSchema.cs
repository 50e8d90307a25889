using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cj.Runner.Schema;

/// <summary>A schema that <see cref="SchemaCheck"/> found to use only supported keywords, with its references resolved and patterns compiled.</summary>
/// <param name="Root">The schema document.</param>
/// <param name="References">Each <c>$ref</c> value used in the schema, mapped to the subschema it points at.</param>
/// <param name="Patterns">Each <c>pattern</c> and <c>patternProperties</c> name, compiled.</param>
internal sealed record CheckedSchema(
    JsonElement Root, IReadOnlyDictionary<string, JsonElement> References, IReadOnlyDictionary<string, Regex> Patterns);
