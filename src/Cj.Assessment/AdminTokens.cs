using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cj.Assessment;

/// <summary>Mints admin JWTs that the service accepts (used by the runner in embedded mode and by tests).</summary>
public static class AdminTokens
{
    /// <summary>
    /// An HS256 JWT signed with <paramref name="signingKey"/> (≥ 32 UTF-8 bytes) carrying <c>iss</c>, <c>aud</c>,
    /// <c>sub</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c> = now + <paramref name="lifetime"/> (on <paramref name="time"/>) and the
    /// <c>roles</c> array. The key is never part of any message.
    /// </summary>
    public static string Create(
        string signingKey, string issuer, string audience, IEnumerable<string> roles, TimeSpan lifetime, TimeProvider time, string subject = "eng5-np-runner")
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(time);
        if (Encoding.UTF8.GetByteCount(signingKey) < 32)
        {
            throw new ArgumentException("The signing key must be at least 32 bytes.", nameof(signingKey));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["sub"] = subject,
                ["roles"] = roles.ToArray(),
            },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
