using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cj.Hosting.Bus;

/// <summary>
/// The non-nullable reference-type properties of <typeparamref name="T"/>, found once by reflection. The wire
/// options stay lenient (an older payload without a newer nullable field still reads), so a property that is
/// declared non-nullable but came out null was missing from the JSON: that is a poison message, not a bug later.
/// </summary>
internal static class RequiredMembers<T>
{
    private static readonly (PropertyInfo Property, string WireName)[] Properties = Find();

    /// <summary>The wire name of the first required property that is null in <paramref name="value"/>, or null.</summary>
    public static string? FirstMissing(T value)
    {
        foreach (var (property, wireName) in Properties)
        {
            if (property.GetValue(value) is null)
            {
                return wireName;
            }
        }

        return null;
    }

    private static (PropertyInfo, string)[] Find()
    {
        var type = typeof(T);
        if (type.IsValueType || type == typeof(string) || typeof(IEnumerable).IsAssignableFrom(type) || type == typeof(JsonElement))
        {
            return [];
        }

        var context = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && !p.PropertyType.IsValueType)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Where(p => context.Create(p).ReadState == NullabilityState.NotNull)
            .Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)))
            .ToArray();
    }
}
