using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Service;

public sealed class SecurityTests
{
    private static readonly string Token = "sk-LEAKCHECK-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task With_a_token_every_api_route_requires_it_and_health_and_metrics_do_not()
    {
        await using var service = await TestService.StartAsync(o => o with { ApiToken = Token });
        using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
        using var wrong = new HttpClient { BaseAddress = service.Http.BaseAddress };
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token[..^1] + "x");

        foreach (var client in new[] { anonymous, wrong })
        {
            using var post = await client.PostAsync("/api/v1/comparison", new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
            Assert.Equal("Bearer", post.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Contains("\"code\":\"unauthorized\"", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/status/x")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/providers")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/metrics")).StatusCode);
        await service.AcceptAsync(Requests.Body("auth:1"));
    }

    [Fact]
    public async Task The_api_token_never_appears_in_logs_callbacks_responses_metrics_or_the_store()
    {
        var options = TestService.NewOptions(o => o with { ApiToken = Token, MockErrorRate = 0.5, MockMalformedRate = 0.3 });
        var seen = new StringBuilder();
        await using (var service = await TestService.StartAsync(options, TimeProvider.System, ownsFolder: false))
        {
            using var anonymous = new HttpClient { BaseAddress = service.Http.BaseAddress };
            using var wrong = new HttpClient { BaseAddress = service.Http.BaseAddress };
            wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token + "-wrong");
            seen.Append(await (await anonymous.PostAsync("/api/v1/comparison", new StringContent("{}"))).Content.ReadAsStringAsync());
            seen.Append(await (await wrong.GetAsync("/api/v1/providers")).Content.ReadAsStringAsync());
            for (var i = 0; i < 8; i++)
            {
                var accepted = await service.AcceptAsync(Requests.Body($"leak:{i}", essayA: $"Essay {i}."));
                seen.Append(accepted);
            }

            var bad = await service.PostForProblemAsync(Requests.Body("leak:bad", overrides: new { provider_override = "openai" }));
            seen.Append(await bad.Response.Content.ReadAsStringAsync());
            await service.CallbacksAsync(8);
            await Wait.UntilAsync(() => service.Internals().Store.Depth() == 0, "an empty queue");
            foreach (var message in service.Bus.Snapshot(Cj.Contracts.Topics.ComparisonResult))
            {
                seen.Append(Encoding.UTF8.GetString(message.Value.Span)).Append(string.Join(',', message.Headers));
            }

            seen.Append(await service.MetricsAsync());
            seen.Append(await service.Http.GetStringAsync("/api/v1/providers"));
            seen.Append(await service.Http.GetStringAsync("/healthz"));
            seen.Append(service.Logs.Text);
            Assert.Contains("comparison_queued", service.Logs.Text, StringComparison.Ordinal);
        }

        var folder = Path.GetDirectoryName(options.DatabasePath)!;
        foreach (var file in Directory.GetFiles(folder))
        {
            seen.Append(Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)));
        }

        TestService.TryDelete(folder);
        Assert.DoesNotContain(Token[..12], seen.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("LEAKCHECK", seen.ToString(), StringComparison.Ordinal);
    }
}
