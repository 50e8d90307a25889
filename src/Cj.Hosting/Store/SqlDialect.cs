namespace Cj.Hosting.Store;

/// <summary>
/// The few SQL fragments that differ between SQLite (embedded mode) and PostgreSQL (distributed mode), in one
/// place. Everything else in the stores is portable SQL: TEXT for ids and ISO-8601 UTC timestamps (which sort
/// as text), INTEGER counts, <c>INSERT … ON CONFLICT (…) DO NOTHING</c> (SQLite ≥ 3.24 and PostgreSQL).
/// </summary>
public sealed class SqlDialect
{
    private SqlDialect(string name, string identityPrimaryKey, string binary)
    {
        Name = name;
        IdentityPrimaryKey = identityPrimaryKey;
        Binary = binary;
    }

    /// <summary>SQLite 3 (Microsoft.Data.Sqlite).</summary>
    public static SqlDialect Sqlite { get; } = new("sqlite", "INTEGER PRIMARY KEY AUTOINCREMENT", "BLOB");

    /// <summary>PostgreSQL 15 or newer (Npgsql).</summary>
    public static SqlDialect PostgreSql { get; } = new("postgresql", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BYTEA");

    /// <summary>The dialect's name, <c>sqlite</c> or <c>postgresql</c>.</summary>
    public string Name { get; }

    /// <summary>Column type and constraint of an ever-increasing 64-bit surrogate key that is never reused.</summary>
    public string IdentityPrimaryKey { get; }

    /// <summary>Column type of raw bytes.</summary>
    public string Binary { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
