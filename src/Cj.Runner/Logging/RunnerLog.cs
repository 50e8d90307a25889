using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cj.Runner.Logging;

/// <summary>
/// Structured JSON log lines with the runbook's bindings (<c>service_name="eng5-np-runner"</c>,
/// <c>correlation_id</c>, <c>batch_id</c>, <c>runner_mode</c>), written to <c>logs/runner.log</c> once the run folder
/// exists (lines logged before that are kept and flushed into it) and to stderr with <c>--log-format json</c>.
/// Human messages go to stderr otherwise.
/// </summary>
internal sealed class RunnerLog(TextWriter error, bool json, TimeProvider time, IReadOnlyDictionary<string, object?> bindings) : IDisposable
{
    public const string ServiceName = "eng5-np-runner";

    private static readonly JsonSerializerOptions LineOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };

    private readonly List<string> _pending = [];
    private StreamWriter? _file;

    /// <summary>Logs a structured event; <paramref name="fields"/> must never hold secrets.</summary>
    public void Event(string name, string level = "info", IReadOnlyDictionary<string, object?>? fields = null)
    {
        var line = new Dictionary<string, object?>
        {
            ["timestamp"] = time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["level"] = level,
            ["event"] = name,
            ["service_name"] = ServiceName,
        };
        foreach (var (key, value) in bindings)
        {
            line[key] = value;
        }

        foreach (var (key, value) in fields ?? new Dictionary<string, object?>())
        {
            line[key] = value;
        }

        var text = JsonSerializer.Serialize(line, LineOptions);
        if (_file is null)
        {
            _pending.Add(text);
        }
        else
        {
            _file.WriteLine(text);
        }

        if (json)
        {
            error.WriteLine(text);
        }
    }

    /// <summary>A message for people: on stderr in text mode only (JSON mode keeps stderr machine-readable).</summary>
    public void Say(string message)
    {
        if (!json)
        {
            error.WriteLine(message);
        }
    }

    /// <summary>Starts writing <paramref name="path"/>, first flushing what was logged before.</summary>
    public void Attach(string path)
    {
        if (_file is not null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _file = new StreamWriter(path, append: true) { AutoFlush = true };
        foreach (var line in _pending)
        {
            _file.WriteLine(line);
        }

        _pending.Clear();
    }

    public void Dispose() => _file?.Dispose();
}
