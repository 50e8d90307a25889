using Cj.Hosting.Outbox;
using Cj.Hosting.Store;

namespace Cj.Assessment.Store;

/// <summary>The service's versioned migrations, applied forward at start-up. SQL is kept portable (SQLite and PostgreSQL).</summary>
internal static class AssessmentSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "content_instructions_anchors", """
            CREATE TABLE content (
                storage_id TEXT PRIMARY KEY,
                body BLOB NOT NULL,
                byte_count INTEGER NOT NULL,
                created_at TEXT NOT NULL);
            CREATE TABLE assessment_instructions (
                scope_key TEXT PRIMARY KEY,
                assignment_id TEXT NULL,
                course_id TEXT NULL,
                instructions_text TEXT NOT NULL,
                grade_scale TEXT NOT NULL,
                context_origin TEXT NOT NULL,
                student_prompt_storage_id TEXT NULL,
                judge_rubric_text TEXT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE TABLE anchors (
                anchor_id TEXT PRIMARY KEY,
                assignment_id TEXT NOT NULL,
                anchor_label TEXT NOT NULL,
                grade TEXT NOT NULL,
                grade_scale TEXT NOT NULL,
                text_storage_id TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (assignment_id, anchor_label, grade_scale));
            """),
        new(2, "batches", """
            CREATE TABLE batches (
                batch_id TEXT PRIMARY KEY,
                correlation_id TEXT NOT NULL,
                state TEXT NOT NULL,
                status TEXT NOT NULL,
                stop_reason TEXT NULL,
                budget INTEGER NOT NULL,
                requested INTEGER NOT NULL,
                succeeded INTEGER NOT NULL,
                failed INTEGER NOT NULL,
                current_wave INTEGER NOT NULL,
                request_json TEXT NOT NULL,
                prompt_json TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                deadline_at TEXT NOT NULL);
            CREATE INDEX batches_state ON batches (state, deadline_at);
            CREATE TABLE batch_essays (
                batch_id TEXT NOT NULL,
                essay_id TEXT NOT NULL,
                storage_id TEXT NOT NULL,
                is_anchor INTEGER NOT NULL,
                anchor_grade TEXT NULL,
                display_name TEXT NULL,
                PRIMARY KEY (batch_id, essay_id));
            CREATE TABLE batch_events (
                batch_id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                PRIMARY KEY (batch_id, seq));
            """),
        new(3, "comparisons", """
            CREATE TABLE comparisons (
                request_id TEXT PRIMARY KEY,
                batch_id TEXT NOT NULL,
                comparison_seq INTEGER NOT NULL,
                attempt INTEGER NOT NULL,
                wave INTEGER NOT NULL,
                essay_a_id TEXT NOT NULL,
                essay_b_id TEXT NOT NULL,
                status TEXT NOT NULL,
                deadline_at TEXT NOT NULL,
                created_at TEXT NOT NULL,
                sent_at TEXT NULL,
                queue_id TEXT NULL,
                winner_id TEXT NULL,
                verdict TEXT NULL,
                confidence REAL NULL,
                justification TEXT NULL,
                error_code TEXT NULL,
                provider TEXT NULL,
                model TEXT NULL,
                prompt_tokens INTEGER NULL,
                completion_tokens INTEGER NULL,
                total_tokens INTEGER NULL,
                cache_read_tokens INTEGER NULL,
                cache_write_tokens INTEGER NULL,
                reasoning_tokens INTEGER NULL,
                cost_usd TEXT NULL,
                prompt_sha256 TEXT NULL,
                response_time_ms INTEGER NULL,
                callback_event_id TEXT NULL,
                completed_at TEXT NULL);
            CREATE INDEX comparisons_batch ON comparisons (batch_id, comparison_seq);
            CREATE INDEX comparisons_pending ON comparisons (status, deadline_at);
            """),
        Outbox.Migration(4),
        ProcessedEvents.Migration(5),
    ];
}
