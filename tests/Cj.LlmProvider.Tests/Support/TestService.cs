using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Cj.Contracts;
using Cj.Hosting;
using Cj.Hosting.Bus;
using Cj.Hosting.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Cj.LlmProvider.Tests.Support;

/// <summary>
/// The service started for real: SQLite in a temp folder, Kestrel on 127.0.0.1, the in-process bus with a
/// subscriber collecting every callback, and a capture of every log line.
/// </summary>
internal sealed class TestService : IAsyncDisposable
{
    private readonly ConcurrentQueue<EventEnvelope<LlmComparisonResultV1>> callbacks = new();
    private readonly IAsyncDisposable subscription;
    private readonly bool ownsFolder;

    private TestService(LlmProviderOptions options, WebApplication app, InProcessEventBus bus, LogCapture logs, bool ownsFolder)
    {
        (Options, App, Bus, Logs, this.ownsFolder) = (options, app, bus, logs, ownsFolder);
        subscription = bus.Subscribe(Topics.ComparisonResult, "test-collector", (message, _) =>
        {
            callbacks.Enqueue(EnvelopeMessages.Read<LlmComparisonResultV1>(message));
            return Task.CompletedTask;
        });
        Http = new HttpClient { BaseAddress = app.BoundAddress(), Timeout = TimeSpan.FromSeconds(30) };
        if (options.ApiToken is { } token)
        {
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public LlmProviderOptions Options { get; }

    public WebApplication App { get; }

    public InProcessEventBus Bus { get; }

    public LogCapture Logs { get; }

    public HttpClient Http { get; }

    public IReadOnlyList<EventEnvelope<LlmComparisonResultV1>> Callbacks => [.. callbacks];

    /// <summary>Fresh options on a new temp database, fast polling and retries; <paramref name="configure"/> adjusts them.</summary>
    public static LlmProviderOptions NewOptions(Func<LlmProviderOptions, LlmProviderOptions>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cj-llm-tests", Guid.NewGuid().ToString("N"));
        var options = new LlmProviderOptions
        {
            DatabasePath = Path.Combine(folder, "llm_provider.db"),
            PollInterval = TimeSpan.FromMilliseconds(20),
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        return configure is null ? options : configure(options);
    }

    public static Task<TestService> StartAsync(Func<LlmProviderOptions, LlmProviderOptions>? configure = null) =>
        StartAsync(NewOptions(configure), TimeProvider.System, ownsFolder: true);

    public static async Task<TestService> StartAsync(LlmProviderOptions options, TimeProvider time, bool ownsFolder)
    {
        var bus = new InProcessEventBus();
        var logs = new LogCapture();
        var app = LlmProviderHost.Create(options, bus, time, builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        });
        await app.StartAsync();
        return new TestService(options, app, bus, logs, ownsFolder);
    }

    public Task<HttpResponseMessage> PostAsync(object body) =>
        Http.PostAsync("/api/v1/comparison", new StringContent(JsonSerializer.Serialize(body, WireJson.Options), System.Text.Encoding.UTF8, "application/json"));

    public async Task<LlmComparisonAccepted> AcceptAsync(object body)
    {
        using var response = await PostAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<LlmComparisonAccepted>(text, WireJson.Options)!;
    }

    /// <summary>Waits until <paramref name="count"/> callbacks arrived, then returns them.</summary>
    public async Task<IReadOnlyList<EventEnvelope<LlmComparisonResultV1>>> CallbacksAsync(int count, int timeoutMs = 10_000)
    {
        await Wait.UntilAsync(() => callbacks.Count >= count, $"{count} callbacks (have {callbacks.Count})", timeoutMs);
        return Callbacks;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await subscription.DisposeAsync();
        await App.StopAsync();
        await App.DisposeAsync();
        await Bus.DisposeAsync();
        if (ownsFolder)
        {
            TryDelete(Path.GetDirectoryName(Options.DatabasePath)!);
        }
    }

    public static void TryDelete(string folder)
    {
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may still be open on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
