using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cj.Contracts;
using Cj.Hosting;
using Cj.Hosting.Bus;
using Cj.Hosting.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Cj.Assessment.Tests.Support;

/// <summary>
/// A small real LLM Provider Service stand-in on Kestrel: <c>POST /api/v1/comparison</c> answers 202 (deduping on the
/// correlation id like the real one) and publishes one <c>LLMComparisonResultV1</c> per accepted request on the bus,
/// with a seeded verdict: P(Essay A wins) = σ(θ_A − θ_B) from the abilities of the essays' storage ids.
/// <c>POST /api/v1/comparisons</c> does the same per request of a batch (404 when <see cref="BatchRoute"/> is off).
/// </summary>
internal sealed class FakeLlmProvider : IAsyncDisposable
{
    private readonly IEventBus bus;
    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly List<string> posts = [];
    private readonly Dictionary<string, LlmComparisonRequest> accepted = new(StringComparer.Ordinal);
    private readonly List<EventEnvelope<LlmComparisonResultV1>> held = [];
    private readonly List<EventEnvelope<LlmComparisonResultV1>> published = [];
    private int batchPosts;

    private FakeLlmProvider(IEventBus bus)
    {
        this.bus = bus;
        var builder = LocalKestrel.CreateBuilder();
        app = builder.Build();
        app.MapPost("/api/v1/comparison", (Delegate)HandleAsync);
        app.MapPost("/api/v1/comparisons", (Delegate)HandleBatchAsync);
    }

    /// <summary>
    /// When set, decides per request from its correlation id and how many times it was posted before: an HTTP status to
    /// refuse it with (a 503 says <c>Retry-After: 0</c>), or null to take it.
    /// </summary>
    public Func<string, int, int?>? Refuse { get; set; }

    /// <summary>When set, a batch admission with more requests than this answers 413 (its body is too large).</summary>
    public int? MaxBatchItems { get; set; }

    /// <summary>Whether <c>POST /api/v1/comparisons</c> exists (an older provider answers it with 404).</summary>
    public bool BatchRoute { get; set; } = true;

    /// <summary>How many batch admissions were answered (404s included).</summary>
    public int BatchPosts { get { lock (gate) { return batchPosts; } } }

    /// <summary>Ability (logits) per storage id; unknown texts have ability 0.</summary>
    public Dictionary<string, double> Abilities { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every request gets this error callback instead of a verdict.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>When set, requests are answered with this HTTP status instead of 202 (nothing is published).</summary>
    public int? HttpStatus { get; set; }

    /// <summary>When true, callbacks are kept until <see cref="ReleaseAsync"/>.</summary>
    public bool Holding { get; set; }

    public Uri Url => app.BoundAddress();

    /// <summary>Every POST's correlation id, re-sends included.</summary>
    public IReadOnlyList<string> Posts { get { lock (gate) { return [.. posts]; } } }

    public int AcceptedCount { get { lock (gate) { return accepted.Count; } } }

    public IReadOnlyList<EventEnvelope<LlmComparisonResultV1>> Published { get { lock (gate) { return [.. published]; } } }

    public int HeldCount { get { lock (gate) { return held.Count; } } }

    /// <summary>Prompt blocks that contained an essay id (must stay empty).</summary>
    public List<string> PromptLeaks { get; } = [];

    public static async Task<FakeLlmProvider> StartAsync(IEventBus bus)
    {
        var fake = new FakeLlmProvider(bus);
        await fake.app.StartAsync();
        return fake;
    }

    /// <summary>
    /// Publishes held callbacks in the order <paramref name="order"/> gives (it may repeat or alter them); held callbacks
    /// it leaves out stay held.
    /// </summary>
    public async Task ReleaseAsync(Func<IReadOnlyList<EventEnvelope<LlmComparisonResultV1>>, IEnumerable<EventEnvelope<LlmComparisonResultV1>>>? order = null)
    {
        List<EventEnvelope<LlmComparisonResultV1>> batch;
        lock (gate)
        {
            batch = [.. held];
        }

        var output = order?.Invoke(batch).ToList() ?? batch;
        lock (gate)
        {
            held.RemoveAll(h => output.Any(o => ReferenceEquals(o, h)));
        }

        foreach (var envelope in output)
        {
            await PublishAsync(envelope);
        }
    }

    public Task PublishAsync(EventEnvelope<LlmComparisonResultV1> envelope)
    {
        lock (gate)
        {
            published.Add(envelope);
        }

        return bus.PublishAsync(EnvelopeMessages.ToMessage(envelope), CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        var request = await JsonSerializer.DeserializeAsync<LlmComparisonRequest>(http.Request.Body, WireJson.Options);
        ArgumentNullException.ThrowIfNull(request);
        var (status, body) = await AdmitAsync(request);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "0";
        }

        return Results.Json(body, WireJson.Options, statusCode: status);
    }

    private async Task<IResult> HandleBatchAsync(HttpContext http)
    {
        lock (gate)
        {
            batchPosts++;
        }

        if (!BatchRoute)
        {
            return Results.NotFound();
        }

        var batch = await JsonSerializer.DeserializeAsync<LlmComparisonBatchRequest>(http.Request.Body, WireJson.Options);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Requests.Count > MaxBatchItems)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var items = new List<LlmComparisonBatchItem>();
        foreach (var request in batch.Requests)
        {
            var (status, body) = await AdmitAsync(request);
            items.Add(new LlmComparisonBatchItem(
                request.CorrelationId,
                status,
                body as LlmComparisonAccepted,
                body is LlmComparisonAccepted ? null : new Problem("/problems/fake_refusal", "refused", status, null, "fake_refusal", null, request.CorrelationId),
                status == StatusCodes.Status503ServiceUnavailable ? 0 : null));
        }

        return Results.Json(new LlmComparisonBatchResponse(items), WireJson.Options);
    }

    /// <summary>What the single route answers for <paramref name="request"/>: its status and body.</summary>
    private async Task<(int Status, object Body)> AdmitAsync(LlmComparisonRequest request)
    {
        CheckPrompt(request);
        EventEnvelope<LlmComparisonResultV1>? callback = null;
        lock (gate)
        {
            var before = posts.Count(p => p == request.CorrelationId);
            posts.Add(request.CorrelationId);
            if ((HttpStatus ?? Refuse?.Invoke(request.CorrelationId, before)) is { } status)
            {
                return (status, new { code = "fake_refusal", status });
            }

            if (accepted.ContainsKey(request.CorrelationId))
            {
                return (202, new LlmComparisonAccepted("q-" + request.CorrelationId, "queued", "duplicate", null, true));
            }

            accepted[request.CorrelationId] = request;
            callback = Callback(request);
            if (Holding)
            {
                held.Add(callback);
                callback = null;
            }
        }

        if (callback is not null)
        {
            await PublishAsync(callback);
        }

        return (202, new LlmComparisonAccepted("q-" + request.CorrelationId, "queued", "queued", null, false));
    }

    private void CheckPrompt(LlmComparisonRequest request)
    {
        var ids = new[] { request.Metadata["essay_a_id"]?.ToString() ?? "", request.Metadata["essay_b_id"]?.ToString() ?? "" };
        lock (gate)
        {
            PromptLeaks.AddRange(request.PromptBlocks.Where(b => ids.Any(id => id.Length >= 6 && b.Content.Contains(id, StringComparison.Ordinal))).Select(b => b.Kind));
        }
    }

    private EventEnvelope<LlmComparisonResultV1> Callback(LlmComparisonRequest request)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var metadata = new Dictionary<string, object?>(request.Metadata, StringComparer.Ordinal) { ["prompt_sha256"] = Hex(JsonSerializer.Serialize(request.PromptBlocks, WireJson.Options)) };
        var a = request.Metadata["essay_a_storage_id"]?.ToString() ?? "";
        var b = request.Metadata["essay_b_storage_id"]?.ToString() ?? "";
        var seq = request.CorrelationId.Split(':')[^2];
        var data = ErrorCode is { } code
            ? new LlmComparisonResultV1("q-" + request.CorrelationId, request.CorrelationId, null, null, null,
                new ErrorDetail(code, "synthetic failure", request.CorrelationId, now, "llm_provider_service", "comparison", new ErrorDetails(500, "server_error", 1, null)),
                "mock", "fake-judge-1", 3, new TokenUsage(100, 0, 100, 0, 0, 0), 0.00001m, now, now, null, null, metadata)
            : new LlmComparisonResultV1("q-" + request.CorrelationId, request.CorrelationId, Verdict(a, b, seq), "A short justification.", 3.5, null,
                "mock", "fake-judge-1", 3, new TokenUsage(120, 20, 140, 0, 0, 0), 0.0001m, now, now, null, null, metadata);
        var batch = Guid.Parse(request.Metadata["bos_batch_id"]?.ToString() ?? "");
        return new EventEnvelope<LlmComparisonResultV1>(
            Guid.NewGuid(), Topics.ComparisonResult, now, SourceServices.LlmProvider, 1, request.CorrelationId, batch, null, data, null);
    }

    private string Verdict(string a, string b, string seq)
    {
        var p = 1 / (1 + Math.Exp(-(Abilities.GetValueOrDefault(a) - Abilities.GetValueOrDefault(b))));
        var u = BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{a}|{b}|{seq}"))) / (double)ulong.MaxValue;
        return u < p ? LlmComparisonResultV1.EssayA : LlmComparisonResultV1.EssayB;
    }

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
