using System.Security.Cryptography;
using Cj.Hosting.Store;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Cj.Assessment.Store;

/// <summary>Content-addressed texts: the storage id is the lowercase SHA-256 hex of the UTF-8 bytes.</summary>
internal sealed class ContentStore(SqliteDatabase database, TimeProvider time)
{
    public static string StorageIdOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static bool IsStorageId(string? value) =>
        value is { Length: 64 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Stores the bytes (idempotent) and returns their storage id.</summary>
    public async Task<string> PutAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return Put(connection, null, bytes, time.GetUtcNow());
    }

    public static string Put(SqliteConnection connection, SqliteTransaction? transaction, byte[] bytes, DateTimeOffset now)
    {
        var id = StorageIdOf(bytes);
        connection.Execute(
            "INSERT INTO content (storage_id, body, byte_count, created_at) VALUES (@id, @bytes, @count, @now) ON CONFLICT (storage_id) DO NOTHING",
            new { id, bytes, count = bytes.Length, now = DbTime.Store(now) },
            transaction);
        return id;
    }

    public async Task<byte[]?> GetAsync(string storageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<byte[]>(
            new CommandDefinition("SELECT body FROM content WHERE storage_id = @storageId", new { storageId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The storage ids of <paramref name="storageIds"/> that are not stored.</summary>
    public static IReadOnlyList<string> Missing(SqliteConnection connection, SqliteTransaction? transaction, IEnumerable<string> storageIds)
    {
        var wanted = storageIds.Distinct(StringComparer.Ordinal).ToArray();
        var present = wanted.Chunk(500)
            .SelectMany(chunk => connection.Query<string>("SELECT storage_id FROM content WHERE storage_id IN @chunk", new { chunk }, transaction))
            .ToHashSet(StringComparer.Ordinal);
        return [.. wanted.Where(id => !present.Contains(id))];
    }

    public static string? Text(SqliteConnection connection, SqliteTransaction? transaction, string storageId) =>
        connection.QuerySingleOrDefault<byte[]>("SELECT body FROM content WHERE storage_id = @storageId", new { storageId }, transaction) is { } bytes
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : null;
}
