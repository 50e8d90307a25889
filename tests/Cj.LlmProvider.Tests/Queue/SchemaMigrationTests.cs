using Cj.Hosting.Store;
using Cj.LlmProvider.Queue;
using Microsoft.Data.Sqlite;

namespace Cj.LlmProvider.Tests.Queue;

public sealed class SchemaMigrationTests
{
    [Fact]
    public void A_version_3_store_keeps_its_bodies_and_results_when_they_move_out_of_the_request_rows()
    {
        var folder = Directory.CreateTempSubdirectory("cj-llm-migrate-").FullName;
        try
        {
            var database = new SqliteDatabase(Path.Combine(folder, "llm_provider.db"));
            database.Migrate([.. QueueSchema.Migrations.Take(3)]);
            using (var connection = database.Open())
            {
                using var insert = connection.CreateCommand();
                insert.CommandText =
                    """
                    INSERT INTO llm_requests (queue_id, seq, correlation_id, batch_id, callback_topic, priority, mode, provider, model,
                        prompt_sha256, occurrence, canonical_request, metadata, prompt_bytes, status, queued_at, expires_at, result)
                    VALUES ('q-done', 1, 'c-done', 'b', 't', 5, 'per_request', 'mock', 'm', 'h1', 0, '{"done":true}', '{"k":"v1"}', 13, 'completed',
                        '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '{"winner":"Essay A"}'),
                           ('q-open', 2, 'c-open', 'b', 't', 5, 'per_request', 'mock', 'm', 'h2', 0, '{"open":true}', '{"k":"v2"}', 13, 'queued',
                        '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', NULL);
                    INSERT INTO llm_legs (queue_id, leg, status, not_before) VALUES ('q-done', 'ab', 'succeeded', '2026-01-01T00:00:00.000Z'),
                        ('q-open', 'ab', 'queued', '2026-01-01T00:00:00.000Z');
                    """;
                insert.ExecuteNonQuery();
            }

            database.Migrate(QueueSchema.Migrations);

            using var store = new QueueStore(database, new AdmissionGate(new LlmProviderOptions()), TimeProvider.System);
            Assert.Equal((true, "{\"winner\":\"Essay A\"}"), store.Result("q-done"));
            Assert.Equal((true, (string?)null), store.Result("q-open"));
            Assert.Equal((false, (string?)null), store.Result("q-unknown"));
            Assert.Equal("queued", store.Status("q-open")!.Status);
            using var check = database.Open();
            using var bodies = check.CreateCommand();
            bodies.CommandText = "SELECT queue_id || '=' || canonical_request || metadata FROM llm_request_bodies ORDER BY queue_id";
            using var reader = bodies.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(reader.GetString(0));
            }

            Assert.Equal(["q-done={\"done\":true}{\"k\":\"v1\"}", "q-open={\"open\":true}{\"k\":\"v2\"}"], rows);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
