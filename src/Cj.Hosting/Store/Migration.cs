namespace Cj.Hosting.Store;

/// <summary>
/// One forward-only schema step of a service store. <paramref name="Version"/> values are strictly increasing in
/// a service's list; <paramref name="Sql"/> may hold several statements and runs in its own transaction.
/// </summary>
/// <param name="Version">The step's number, recorded in <c>schema_migrations.version</c>.</param>
/// <param name="Name">A short snake_case description, recorded in <c>schema_migrations.name</c>.</param>
/// <param name="Sql">The DDL/DML to run, kept portable to PostgreSQL (see <see cref="SqlDialect"/>).</param>
public sealed record Migration(int Version, string Name, string Sql);
