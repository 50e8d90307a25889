using System.Collections.Concurrent;

namespace Cj.LlmProvider.Queue;

/// <summary>
/// The bodies (canonical request and metadata) of admitted requests, kept from their admission to their first claim, so
/// that a claim, which runs under the store's single writer, reads no body back from the file. Up to
/// <see cref="CapacityChars"/> characters are kept; a body beyond that, a body of a request re-queued for a retry and any
/// body after a restart are read from the store as before. Entries are dropped when claimed, expired or not committed.
/// </summary>
internal sealed class AdmittedBodies
{
    /// <summary>About 32 MB of text: several thousand requests of two essays.</summary>
    public const long CapacityChars = 16L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Body> bodies = new(StringComparer.Ordinal);
    private long chars;

    /// <summary>How many bodies are kept.</summary>
    public int Count => bodies.Count;

    /// <summary>Keeps the body of <paramref name="queueId"/> unless the cache is full.</summary>
    public void Add(string queueId, string canonicalRequest, string metadata)
    {
        var size = (long)canonicalRequest.Length + metadata.Length;
        if (Interlocked.Add(ref chars, size) > CapacityChars || !bodies.TryAdd(queueId, new Body(canonicalRequest, metadata)))
        {
            Interlocked.Add(ref chars, -size);
        }
    }

    /// <summary>Takes the body of <paramref name="queueId"/> out of the cache; null when it is not kept.</summary>
    public Body? Take(string queueId)
    {
        if (!bodies.TryRemove(queueId, out var body))
        {
            return null;
        }

        Interlocked.Add(ref chars, -((long)body.CanonicalRequest.Length + body.Metadata.Length));
        return body;
    }

    /// <summary>A request's body as stored in <c>llm_request_bodies</c>.</summary>
    public sealed record Body(string CanonicalRequest, string Metadata);
}
