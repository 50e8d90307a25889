namespace Cj.Runner.Schema;

/// <summary>JSON Pointer (RFC 6901) building and the local <c>$ref</c> forms the validator accepts.</summary>
internal static class JsonPointer
{
    public static string Append(string pointer, string token) =>
        $"{pointer}/{token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";

    public static string Append(string pointer, int index) => FormattableString.Invariant($"{pointer}/{index}");

    /// <summary>
    /// The canonical schema location (<c>#</c> or <c>#/a/b</c>, tokens re-escaped) of a local reference, or null when the
    /// reference is not a URI fragment holding a JSON Pointer. The fragment is percent-decoded before the pointer is read.
    /// </summary>
    public static string? CanonicalLocation(string reference)
    {
        if (reference == "#")
        {
            return "#";
        }

        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }

        var location = "#";
        foreach (var token in Uri.UnescapeDataString(reference[2..]).Split('/'))
        {
            location = Append(location, token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return location;
    }
}
