using Cj.Hosting.Store;
using Cj.LlmProvider.Prompting;
using Cj.LlmProvider.Queue;
using Microsoft.Data.Sqlite;

namespace Cj.LlmProvider.Tests.Support;

/// <summary>A migrated queue store file in a temp folder, and requests of the golden canonical request to admit to it.</summary>
internal sealed class QueueDatabase : IDisposable
{
    /// <summary>The metadata every request of <see cref="Request"/> carries.</summary>
    public const string Metadata = """{"essay_a_id":"A","essay_b_id":"B"}""";

    /// <summary>The canonical request every request of <see cref="Request"/> carries.</summary>
    public static readonly string Json = CanonicalRequests.Golden.ToCanonicalJson();

    private readonly string folder = Directory.CreateTempSubdirectory("cj-llm-queue-").FullName;

    public QueueDatabase()
    {
        Database = new SqliteDatabase(Path.Combine(folder, "llm_provider.db"));
        Database.Migrate(QueueSchema.Migrations);
    }

    public SqliteDatabase Database { get; }

    /// <summary>A queue store on the file with default options (the caller disposes it).</summary>
    public QueueStore Open() => new(Database, new AdmissionGate(new LlmProviderOptions()), TimeProvider.System);

    /// <summary>A request for the golden canonical request, due in an hour.</summary>
    public static NewRequest Request(string queueId, string correlationId) =>
        new(
            queueId, correlationId, Guid.NewGuid(), "huleedu.llm_provider.comparison_result.v1", null, 5, "mock", "mock-judge-1",
            PromptHash.Sha256Hex(Json), Json, Metadata, DateTimeOffset.UtcNow.AddHours(1));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
