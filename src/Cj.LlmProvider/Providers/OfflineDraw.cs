using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cj.LlmProvider.Providers;

/// <summary>
/// The offline providers' only randomness (design §4.3): u(label) = the first 8 bytes, big-endian, of SHA-256 over
/// UTF-8 <c>{provider}|{seed}|{prompt_sha256}|{occurrence}|{leg}|{attempt}|{label}</c>, divided by 2^64, so
/// u ∈ [0, 1). Equal inputs give equal draws in every process; a repeated comparison (next occurrence) or a retry
/// (next attempt) gets a fresh one.
/// </summary>
internal static class OfflineDraw
{
    private const double TwoToMinus53 = 1.0 / 9007199254740992.0;

    public static double U(string provider, long seed, ProviderCall call, string label)
    {
        ArgumentNullException.ThrowIfNull(call);
        return U(provider, seed, call.PromptSha256, call.Occurrence, call.Leg, call.Attempt, label);
    }

    public static double U(string provider, long seed, string promptSha256, int occurrence, string leg, int attempt, string label)
    {
        var text = string.Join(
            '|',
            provider,
            seed.ToString(CultureInfo.InvariantCulture),
            promptSha256,
            occurrence.ToString(CultureInfo.InvariantCulture),
            leg,
            attempt.ToString(CultureInfo.InvariantCulture),
            label);
        return FromText(text);
    }

    /// <summary>
    /// The first 8 bytes (big-endian) of SHA-256 over UTF-8 <paramref name="text"/>, divided by 2^64, kept to the 53
    /// bits a double holds (truncated, never rounded up to 1).
    /// </summary>
    public static double FromText(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * TwoToMinus53;
    }
}
