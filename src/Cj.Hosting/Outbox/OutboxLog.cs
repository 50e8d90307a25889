using Microsoft.Extensions.Logging;

namespace Cj.Hosting.Outbox;

/// <summary>Source-generated log messages of the outbox relay.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 1200, EventName = "outbox_publish_failed", Level = LogLevel.Warning,
        Message = "Outbox relay could not publish from {DatabasePath}; retrying in at most {RetryInMs} ms")]
    public static partial void PublishFailed(ILogger logger, string databasePath, double retryInMs, Exception exception);
}
