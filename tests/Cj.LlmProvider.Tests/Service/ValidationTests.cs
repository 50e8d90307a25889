using System.Net.Http.Headers;
using System.Text;
using Cj.LlmProvider.Tests.Support;

namespace Cj.LlmProvider.Tests.Service;

public sealed class ValidationTests(SharedService shared) : IClassFixture<SharedService>
{
    private TestService Service => shared.Service;

    public static TheoryData<string, string> Cases => new()
    {
        { "missing correlation_id", "invalid_body" },
        { "bad correlation_id", "invalid_body" },
        { "missing metadata", "invalid_body" },
        { "missing bos_batch_id", "invalid_body" },
        { "priority 11", "invalid_body" },
        { "ttl 10 s", "invalid_body" },
        { "unknown block kind", "invalid_body" },
        { "empty essay", "invalid_body" },
        { "temperature 3", "invalid_body" },
        { "reasoning effort extreme", "invalid_body" },
        { "no blocks", "invalid_body" },
        { "topic not allowed", "callback_topic_not_allowed" },
        { "reserved key", "reserved_metadata_key" },
        { "reserved replay key", "reserved_metadata_key" },
        { "essay b first", "prompt_block_order" },
        { "two essay a", "prompt_block_order" },
        { "essay id in essay", "prompt_contains_essay_id" },
        { "essay id in static block", "prompt_contains_essay_id" },
        { "unknown provider", "unknown_provider" },
        { "remote provider", "provider_not_configured" },
        { "simulated without abilities", "provider_not_configured" },
        { "both orders", "unsupported_parameter" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_refused_request_is_a_400_problem_with_its_code_and_queues_nothing(string change, string code)
    {
        var correlationId = "v:" + change.Replace(' ', '_');
        var body = Requests.Body(correlationId);
        var metadata = (Dictionary<string, object?>)body["metadata"]!;
        var blocks = ((object[])body["prompt_blocks"]!).ToList();
        switch (change)
        {
            case "missing correlation_id": body.Remove("correlation_id"); break;
            case "bad correlation_id": body["correlation_id"] = "has spaces/and slashes"; break;
            case "missing metadata": body.Remove("metadata"); break;
            case "missing bos_batch_id": metadata.Remove("bos_batch_id"); break;
            case "priority 11": body["priority"] = 11; break;
            case "ttl 10 s": body["ttl_seconds"] = 10; break;
            case "unknown block kind": blocks[0] = new { kind = "preamble", content = "x" }; break;
            case "empty essay": blocks[2] = new { kind = "essay_a", content = "" }; break;
            case "temperature 3": body["llm_config_overrides"] = new { temperature_override = 3.0 }; break;
            case "reasoning effort extreme": body["llm_config_overrides"] = new { reasoning_effort = "extreme" }; break;
            case "no blocks": blocks.Clear(); break;
            case "topic not allowed": body["callback_topic"] = "huleedu.somewhere.else.v1"; break;
            case "reserved key": metadata["prompt_sha256"] = "0"; break;
            case "reserved replay key": metadata["replay_source"] = "x"; break;
            case "essay b first": (blocks[2], blocks[3]) = (blocks[3], blocks[2]); break;
            case "two essay a": blocks.Insert(2, new { kind = "essay_a", content = "again" }); break;
            case "essay id in essay": blocks[2] = new { kind = "essay_a", content = "Written by STUDENT-0001 for class." }; break;
            case "essay id in static block": blocks[0] = new { kind = "static", content = "Compare student-0002 with the other." }; break;
            case "unknown provider": body["llm_config_overrides"] = new { provider_override = "skynet" }; break;
            case "remote provider": body["llm_config_overrides"] = new { provider_override = "openai" }; break;
            case "simulated without abilities": body["llm_config_overrides"] = new { provider_override = "simulated" }; break;
            case "both orders": body["both_orders"] = true; break;
        }

        body["prompt_blocks"] = blocks.ToArray();
        var (status, problem, response) = await Service.PostForProblemAsync(body);

        Assert.Equal(400, status);
        Assert.Equal(code, problem!.Code);
        Assert.Equal(400, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Title));
        Assert.Equal(response.Headers.GetValues("X-Correlation-ID").Single(), problem.CorrelationId);
        Assert.Equal(0, Service.Internals().Store.Depth());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_invalid_body()
    {
        using var content = new StringContent("{not json", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await Service.Http.PostAsync("/api/v1/comparison", content);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("\"code\":\"invalid_body\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_error_names_the_field()
    {
        var body = Requests.Body("v:field");
        body["priority"] = 42;

        var (_, problem, _) = await Service.PostForProblemAsync(body);

        Assert.Contains("priority", problem!.Errors!.Keys);
    }
}
