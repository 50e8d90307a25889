using System.Text;
using Cj.Contracts;
using Cj.Hosting.Bus;

namespace Cj.Hosting.Tests.Bus;

public sealed class EnvelopeMessagesTests
{
    private static readonly Guid BatchId = Guid.Parse("0195a3c4-1111-7000-8000-000000000001");
    private static readonly Guid EventId = Guid.Parse("0195a3c4-2222-7000-8000-000000000002");

    [Fact]
    public void An_envelope_round_trips_through_a_bus_message_with_the_contract_headers()
    {
        var envelope = ComparisonResult();

        var message = EnvelopeMessages.ToMessage(envelope);
        var read = EnvelopeMessages.Read<LlmComparisonResultV1>(message);

        Assert.Equal(Topics.ComparisonResult, message.Topic);
        Assert.Equal(BatchId.ToString(), message.Key);
        Assert.Equal(Topics.ComparisonResult, message.Headers["event_type"]);
        Assert.Equal(EventId.ToString(), message.Headers["event_id"]);
        Assert.Equal("batch-1:000001:1", message.Headers["correlation_id"]);
        Assert.Equal(BatchId.ToString(), message.Headers["batch_id"]);
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", message.Headers["traceparent"]);
        Assert.Equal(envelope.Data with { RequestMetadata = read.Data.RequestMetadata }, read.Data);
        Assert.Equal(message.Value.ToArray(), EnvelopeMessages.ToMessage(read).Value.ToArray());
    }

    [Fact]
    public void The_value_is_snake_case_json_with_nulls_written_and_decimals_as_numbers()
    {
        var json = Encoding.UTF8.GetString(EnvelopeMessages.ToMessage(ComparisonResult()).Value.Span);

        Assert.StartsWith("{\"event_id\":\"0195a3c4-2222-7000-8000-000000000002\",\"event_type\":", json, StringComparison.Ordinal);
        Assert.Contains("\"data_schema_uri\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"cost_estimate\":0.00012345", json, StringComparison.Ordinal);
        Assert.Contains("\"essay_a_id\":\"Åsa-1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"justification\":\"A is clearer & better argued.\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all", "value is not JSON")]
    [InlineData("[1, 2]", "value is not a JSON object")]
    [InlineData("{\"event_id\":\"0195a3c4-2222-7000-8000-000000000002\"}", "missing event_type")]
    public void A_value_that_is_not_an_envelope_is_an_invalid_event(string value, string reason)
    {
        var message = new BusMessage(Topics.ComparisonResult, "k", Encoding.UTF8.GetBytes(value), new Dictionary<string, string>());

        var error = Assert.Throws<InvalidEventException>(() => EnvelopeMessages.Read<LlmComparisonResultV1>(message));

        Assert.Equal(Topics.ComparisonResult, error.Topic);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void A_value_that_is_not_utf8_is_an_invalid_event()
    {
        var message = new BusMessage(Topics.AssessmentRequested, "k", new byte[] { 0x7B, 0xFF, 0xFE, 0x7D }, new Dictionary<string, string>());

        var error = Assert.Throws<InvalidEventException>(() => EnvelopeMessages.Read<LlmComparisonResultV1>(message));

        Assert.Equal("value is not JSON", error.Reason);
    }

    [Theory]
    [InlineData("\"batch_id\":\"0195a3c4-1111-7000-8000-000000000001\",", "", "missing batch_id")]
    [InlineData("\"request_id\":\"q-1\",", "", "missing data.request_id")]
    [InlineData("\"schema_version\":1", "\"schema_version\":\"one\"", "wrong value at $.schema_version")]
    public void An_envelope_with_a_missing_or_mistyped_field_is_an_invalid_event(string remove, string insert, string reason)
    {
        var json = Encoding.UTF8.GetString(EnvelopeMessages.ToMessage(ComparisonResult()).Value.Span);
        Assert.Contains(remove, json, StringComparison.Ordinal);
        var message = new BusMessage(Topics.ComparisonResult, "k", Encoding.UTF8.GetBytes(json.Replace(remove, insert, StringComparison.Ordinal)), new Dictionary<string, string>());

        var error = Assert.Throws<InvalidEventException>(() => EnvelopeMessages.Read<LlmComparisonResultV1>(message));

        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void Unknown_properties_are_ignored_and_optional_envelope_fields_may_be_absent()
    {
        var json = Encoding.UTF8.GetString(EnvelopeMessages.ToMessage(ComparisonResult()).Value.Span)
            .Replace("\"data_schema_uri\":null,", "\"added_later\":{\"x\":[1,2]},", StringComparison.Ordinal)
            .Replace("\"request_id\":", "\"new_field\":true,\"request_id\":", StringComparison.Ordinal);
        var message = new BusMessage(Topics.ComparisonResult, "k", Encoding.UTF8.GetBytes(json), new Dictionary<string, string>());

        var read = EnvelopeMessages.Read<LlmComparisonResultV1>(message);

        Assert.Equal("q-1", read.Data.RequestId);
        Assert.Null(read.DataSchemaUri);
    }

    private static EventEnvelope<LlmComparisonResultV1> ComparisonResult() => new(
        EventId,
        Topics.ComparisonResult,
        "2026-03-01T09:15:02.125Z",
        SourceServices.LlmProvider,
        1,
        "batch-1:000001:1",
        BatchId,
        null,
        new LlmComparisonResultV1(
            "q-1", "batch-1:000001:1", LlmComparisonResultV1.EssayA, "A is clearer & better argued.", 4.5, null, "mock", "mock-judge-1",
            1200, new TokenUsage(900, 40, 940, 0, 0, 0), 0.00012345m, "2026-03-01T09:15:00.000Z", "2026-03-01T09:15:02.000Z", null, null,
            new Dictionary<string, object?> { ["essay_a_id"] = "Åsa-1", ["prompt_sha256"] = new string('a', 64) }),
        new Dictionary<string, object?> { ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" });
}
