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

    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
