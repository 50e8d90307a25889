using System.Security.Cryptography;
using System.Text;

namespace Cj.Runner.Inventory;

/// <summary>
/// Essay ids: stable, safe in paths and URLs, and free of anything but the file stem. The stem is upper-cased,
/// every character outside <c>[A-Z0-9_]</c> becomes '_', runs of '_' collapse to one and leading or trailing '_'
/// are dropped. An id longer than <see cref="MaxLength"/> keeps its first 31 characters and gains '_' and the first
/// 8 hex digits of the SHA-256 of the original stem; an empty one becomes <c>ESSAY_</c> and those 8 digits.
/// </summary>
internal static class EssayIds
{
    /// <summary>The longest id, in characters.</summary>
    public const int MaxLength = 40;

    private const int KeptOnTruncation = 31;

    public static string FromStem(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        var id = new StringBuilder(stem.Length);
        foreach (var upper in stem.ToUpperInvariant())
        {
            var ch = upper is (>= 'A' and <= 'Z') or (>= '0' and <= '9') ? upper : '_';
            if (ch != '_' || (id.Length > 0 && id[^1] != '_'))
            {
                id.Append(ch);
            }
        }

        var text = id.ToString().TrimEnd('_');
        return text.Length == 0 ? "ESSAY_" + Hash8(stem)
            : text.Length > MaxLength ? text[..KeptOnTruncation].TrimEnd('_') + "_" + Hash8(stem)
            : text;
    }

    // Upper-case hex keeps the id inside [A-Z0-9_].
    private static string Hash8(string stem) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stem)))[..8];
}
