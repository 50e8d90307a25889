using System.Security.Cryptography;
using System.Text;

namespace Cj.Assessment.Handlers;

/// <summary>
/// Event ids. Terminal events get ids derived from the batch id and the event kind (a name-based UUID, version 8), so
/// a batch can never publish two different completion or failure events.
/// </summary>
internal static class EventIds
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Result = "assessment_result";
    public const string Consumption = "resource_consumption";

    public static Guid Derived(Guid batchId, string kind)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"cj_assessment_service:{batchId:D}:{kind}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (custom)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }
}
