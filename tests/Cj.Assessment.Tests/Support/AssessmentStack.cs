using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Cj.Contracts;
using Cj.Hosting;
using Cj.Hosting.Bus;
using Cj.Hosting.Json;
using Microsoft.AspNetCore.Builder;

namespace Cj.Assessment.Tests.Support;

/// <summary>
/// A whole test system: a temp folder with the SQLite store, the in-process bus, the fake LLM provider and the CJ
/// Assessment Service on Kestrel at 127.0.0.1, plus an HTTP client with helpers for the admin and content APIs.
/// </summary>
internal sealed class AssessmentStack : IAsyncDisposable
{
    public const string SigningKey = "test-only-signing-key-0123456789abcdefghijklmnop";
    public const string Issuer = "test-issuer";
    public const string Audience = "test-audience";

    private AssessmentStack(TempFolder folder, InProcessEventBus bus, FakeLlmProvider llm, CjAssessmentOptions options, TimeProvider time)
    {
        (Folder, Bus, Llm, Options, Time) = (folder, bus, llm, options, time);
        Events = new EventCollector(bus);
    }

    public TempFolder Folder { get; }

    public InProcessEventBus Bus { get; }

    public FakeLlmProvider Llm { get; }

    public CjAssessmentOptions Options { get; }

    public TimeProvider Time { get; }

    public EventCollector Events { get; }

    public WebApplication App { get; private set; } = null!;

    /// <summary>A client that sends a valid admin token with every request (every route requires one, contracts §7).</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>A client that sends no token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public static async Task<AssessmentStack> StartAsync(Func<CjAssessmentOptions, CjAssessmentOptions>? configure = null, TimeProvider? time = null)
    {
        var folder = new TempFolder();
        var bus = new InProcessEventBus();
        var llm = await FakeLlmProvider.StartAsync(bus);
        var options = new CjAssessmentOptions
        {
            DatabasePath = folder.File("cj_assessment.db"),
            LlmProviderUrl = llm.Url.ToString(),
            AdminIssuer = Issuer,
            AdminAudience = Audience,
            AdminSigningKey = SigningKey,
            DeadlineCheckInterval = TimeSpan.FromMilliseconds(200),
            ProviderHttpMaxBackoff = TimeSpan.FromMilliseconds(200),
        };
        var stack = new AssessmentStack(folder, bus, llm, configure?.Invoke(options) ?? options, time ?? TimeProvider.System);
        await stack.StartAppAsync();
        return stack;
    }

    public static string AdminToken(params string[] roles) =>
        AdminTokens.Create(SigningKey, Issuer, Audience, roles.Length == 0 ? ["admin"] : roles, TimeSpan.FromMinutes(10), TimeProvider.System);

    /// <summary>Stops the service (as if the process died after its last commit) and starts a new one on the same store.</summary>
    public async Task RestartAsync()
    {
        Http.Dispose();
        Anonymous.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await StartAppAsync();
    }

    public async Task<string> UploadAsync(string text)
    {
        using var response = await Http.PostAsync("v1/content", new StringContent(text, Encoding.UTF8, "text/plain"));
        response.EnsureSuccessStatusCode();
        var stored = await response.Content.ReadFromJsonAsync<ContentStored>(WireJson.Options);
        return stored!.StorageId;
    }

    public async Task<HttpResponseMessage> PostAdminAsync<T>(string path, T body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: WireJson.Options) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? AdminToken());
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> GetAdminAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Anonymous.SendAsync(request);
    }

    public async Task<BatchStatusView?> StatusAsync(Guid batchId)
    {
        using var response = await Http.GetAsync($"api/v1/batches/{batchId:D}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<BatchStatusView>(WireJson.Options) : null;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Anonymous.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Events.DisposeAsync();
        await Llm.DisposeAsync();
        await Bus.DisposeAsync();
        Folder.Dispose();
    }

    private async Task StartAppAsync()
    {
        App = CjAssessmentHost.Create(Options, Bus, Time);
        await App.StartAsync();
        Http = new HttpClient { BaseAddress = App.BoundAddress() };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken());
        Anonymous = new HttpClient { BaseAddress = App.BoundAddress() };
    }
}
