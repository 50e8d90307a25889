using System.Text.Json;

namespace Cj.Runner.Schema;

/// <summary>Array keywords: prefixItems, items (2020-12: the items after the prefix), min/maxItems, uniqueItems.</summary>
internal sealed partial class SchemaEvaluator
{
    private void Items(JsonElement subschema, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var prefix = subschema.TryGetProperty("prefixItems", out var prefixItems) ? prefixItems.EnumerateArray().ToList() : [];
        var hasItems = subschema.TryGetProperty("items", out var items);
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (index < prefix.Count)
            {
                Evaluate(prefix[index], item, JsonPointer.Append(path, index), errors);
            }
            else if (hasItems)
            {
                Evaluate(items, item, JsonPointer.Append(path, index), errors);
            }

            index++;
        }
    }

    private static void ItemCount(string keyword, JsonElement limit, JsonElement instance, string path, List<SchemaError> errors)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var count = instance.GetArrayLength();
        var bound = limit.GetInt32();
        if (keyword == "minItems" ? count < bound : count > bound)
        {
            var side = keyword == "minItems" ? "at least" : "at most";
            errors.Add(new SchemaError(path, keyword, $"expected {side} {JsonValues.Count(bound, "item")}, got {count}"));
        }
    }

    /// <summary>Reports each item equal to an earlier one. Strings are compared through a set; other values pairwise.</summary>
    private static void UniqueItems(JsonElement instance, string path, List<SchemaError> errors)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var others = new List<(JsonElement Item, int Index)>();
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            int? earlier = null;
            if (item.ValueKind == JsonValueKind.String)
            {
                earlier = strings.TryAdd(item.GetString()!, index) ? null : strings[item.GetString()!];
            }
            else
            {
                earlier = others.Where(o => JsonElement.DeepEquals(o.Item, item)).Select(o => (int?)o.Index).FirstOrDefault();
                others.Add((item, index));
            }

            if (earlier is { } first)
            {
                errors.Add(new SchemaError(path, "uniqueItems", FormattableString.Invariant($"items {first} and {index} are equal ({JsonValues.Render(item)})")));
            }

            index++;
        }
    }
}
