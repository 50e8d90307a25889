using System.Security.Cryptography;

namespace Cj.LlmProvider.Providers;

/// <summary>A record found for a call, and whether the pair matched reversed (its winner is then flipped).</summary>
internal sealed record ReplayMatch(ReplayRecord Record, bool Reversed)
{
    /// <summary>Whether Essay A of the call won.</summary>
    public bool AWins => Record.AWins != Reversed;
}

/// <summary>
/// The recorded judgements of a replay file (JSONL, or CSV when the file ends in <c>.csv</c>), indexed by
/// storage-id pair (text identity) and by essay-id pair. Occurrence k of a pair with n records gets record k mod n.
/// </summary>
internal sealed class ReplayBook
{
    private readonly Dictionary<(string, string), List<ReplayRecord>> byStorage = [];
    private readonly Dictionary<(string, string), List<ReplayRecord>> byEssay = [];

    private ReplayBook(string fileSha256, IEnumerable<ReplayRecord> records)
    {
        FileSha256 = fileSha256;
        foreach (var r in records)
        {
            Add(byStorage, r.EssayAStorageId, r.EssayBStorageId, r);
            Add(byEssay, r.EssayAId, r.EssayBId, r);
        }
    }

    /// <summary>Lowercase hex SHA-256 of the file's bytes, reported as <c>replay_source.file_sha256</c>.</summary>
    public string FileSha256 { get; }

    public static ReplayBook Load(string path)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
        var lines = CsvLine.NonBlankLines(path);
        try
        {
            var records = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
                ? lines.Skip(1).Select(l => ReplayRecord.FromCsv(l.Number, CsvLine.Split(l.Text))).ToList()
                : lines.Select(l => ReplayRecord.FromJson(l.Number, l.Text)).ToList();
            return new ReplayBook(sha, records);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Looks up by storage ids, then essay ids; a reversed pair matches when allowed. Null is a miss.</summary>
    public ReplayMatch? Find(EssayRefs essays, int occurrence, bool allowReversed)
    {
        ArgumentNullException.ThrowIfNull(essays);
        return Find(byStorage, essays.EssayAStorageId, essays.EssayBStorageId, occurrence, allowReversed)
            ?? Find(byEssay, essays.EssayAId, essays.EssayBId, occurrence, allowReversed);
    }

    private static ReplayMatch? Find(
        Dictionary<(string, string), List<ReplayRecord>> index, string? a, string? b, int occurrence, bool allowReversed)
    {
        if (a is null || b is null)
        {
            return null;
        }

        if (index.TryGetValue((a, b), out var direct))
        {
            return new ReplayMatch(direct[occurrence % direct.Count], false);
        }

        return allowReversed && index.TryGetValue((b, a), out var reversed)
            ? new ReplayMatch(reversed[occurrence % reversed.Count], true)
            : null;
    }

    private static void Add(Dictionary<(string, string), List<ReplayRecord>> index, string? a, string? b, ReplayRecord r)
    {
        if (a is null || b is null)
        {
            return;
        }

        if (!index.TryGetValue((a, b), out var list))
        {
            index[(a, b)] = list = [];
        }

        list.Add(r);
    }
}
