using System.Text.Json;
using Cj.Hosting.Json;

namespace Cj.Hosting.Tests.Json;

public sealed class WireJsonTests
{
    public enum QueueMode
    {
        PerRequest,
        SerialBundle,
    }

    [Fact]
    public void Names_are_snake_case_while_dictionary_keys_stay_as_given()
    {
        var json = JsonSerializer.Serialize(new Sample("Åsa-1", QueueMode.SerialBundle, 0.10000000m, null, new() { ["STUDENT_PROMPT_TEXT"] = 1 }), WireJson.Options);

        Assert.Equal(
            """{"essay_id":"Åsa-1","queue_mode":"serial_bundle","cost_usd":0.10000000,"justification":null,"references":{"STUDENT_PROMPT_TEXT":1}}""",
            json);
    }

    [Fact]
    public void Reading_ignores_unknown_properties_and_refuses_integer_enums()
    {
        var read = JsonSerializer.Deserialize<Sample>(
            """{"essay_id":"e1","queue_mode":"per_request","cost_usd":1.5,"justification":"ok","references":{},"later":[1]}""",
            WireJson.Options);

        Assert.Equal(new Sample("e1", QueueMode.PerRequest, 1.5m, "ok", read!.References), read);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Sample>("""{"queue_mode":1}""", WireJson.Options));
    }

    [Fact]
    public void The_shared_options_cannot_be_changed()
    {
        Assert.True(WireJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => WireJson.Options.WriteIndented = true);
    }

    public sealed record Sample(string EssayId, QueueMode QueueMode, decimal CostUsd, string? Justification, Dictionary<string, int> References);
}
