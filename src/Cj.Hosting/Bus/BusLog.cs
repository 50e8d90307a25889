using Microsoft.Extensions.Logging;

namespace Cj.Hosting.Bus;

/// <summary>Source-generated log messages of the event bus.</summary>
internal static partial class BusLog
{
    [LoggerMessage(EventId = 1100, EventName = "bus_handler_failed", Level = LogLevel.Warning,
        Message = "Handler failed on {Topic} offset {Offset} for group {Group}; redelivering in {RetryInMs} ms")]
    public static partial void HandlerFailed(ILogger logger, string topic, string group, int offset, double retryInMs, Exception exception);
}
