using System.Security.Cryptography;
using System.Text;

namespace Cj.LlmProvider.Prompting;

/// <summary><c>prompt_sha256</c>: lowercase hex SHA-256 of the canonical request's UTF-8 canonical JSON (design §6).</summary>
internal static class PromptHash
{
    public static string Sha256(CanonicalRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Sha256Hex(request.ToCanonicalJson());
    }

    /// <summary>The hash of <paramref name="text"/>'s UTF-8 bytes, encoded into a pooled buffer (a request is kilobytes).</summary>
    public static string Sha256Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
