namespace Cj.Runner.Schema;

/// <summary>One way a JSON instance fails its schema.</summary>
/// <param name="InstancePath">JSON Pointer to the failing value, e.g. <c>/results/essays/3/ability</c>; empty for the document itself.</param>
/// <param name="Keyword">The schema keyword that failed, e.g. <c>type</c> or <c>required</c>.</param>
/// <param name="Message">What is wrong, without the path, e.g. <c>expected number or null, got string</c>.</param>
internal sealed record SchemaError(string InstancePath, string Keyword, string Message)
{
    /// <summary>The error as a person reads it: <c>/metadata: missing required property 'batch_id'</c>.</summary>
    public override string ToString() => $"{(InstancePath.Length == 0 ? "(root)" : InstancePath)}: {Message}";
}
