namespace Cj.Hosting.Bus;

/// <summary>
/// A message that cannot be read as the expected event: not JSON, not an object, a required field missing or
/// null, or a value of the wrong type. Consumers log it, count it in <c>&lt;service&gt;_invalid_messages_total{topic}</c>
/// and commit it (contracts §5): redelivering a poison message cannot help.
/// </summary>
public sealed class InvalidEventException : Exception
{
    /// <summary>Creates the exception for a message on <paramref name="topic"/> with a short <paramref name="reason"/>.</summary>
    public InvalidEventException(string topic, string reason, Exception? innerException = null)
        : base($"invalid event on topic '{topic}': {reason}", innerException)
    {
        Topic = topic;
        Reason = reason;
    }

    /// <summary>The topic the message came from.</summary>
    public string Topic { get; }

    /// <summary>Why the message was refused, e.g. <c>missing batch_id</c>; never contains the payload.</summary>
    public string Reason { get; }
}
