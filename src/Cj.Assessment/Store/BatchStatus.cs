using Cj.Core.Workflow;

namespace Cj.Assessment.Store;

/// <summary>The <c>state</c> and <c>status</c> strings of the status row and of <c>GET /api/v1/batches/{id}</c>.</summary>
internal static class BatchStatus
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Processing = "PROCESSING";
    public const string ErrorProcessing = "ERROR_PROCESSING";

    public static string StateOf(BatchPhase phase) => phase switch
    {
        BatchPhase.Completed => Completed,
        BatchPhase.Failed => Failed,
        _ => Running,
    };

    public static string StatusOf(BatchState state) => state.Phase switch
    {
        BatchPhase.Completed => StopReasons.LegacyStatus(state.TerminalReason ?? ""),
        BatchPhase.Failed => ErrorProcessing,
        _ => Processing,
    };
}
