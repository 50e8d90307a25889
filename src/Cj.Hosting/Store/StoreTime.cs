using System.Globalization;

namespace Cj.Hosting.Store;

/// <summary>How stores write instants: RFC 3339 UTC with milliseconds and <c>Z</c>, so text order is time order.</summary>
public static class StoreTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The stored text of <paramref name="instant"/>, e.g. <c>2026-03-01T09:15:02.125Z</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Reads a value written by <see cref="Format(DateTimeOffset)"/> (any RFC 3339 form is accepted).</summary>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
