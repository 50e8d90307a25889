using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cj.Assessment.Tests.Support;
using Cj.Contracts;
using Cj.Hosting.Json;

namespace Cj.Assessment.Tests;

public sealed class AnchorRegistrationTests : IAsyncLifetime
{
    private AssessmentStack stack = null!;

    public async Task InitializeAsync()
    {
        stack = await AssessmentStack.StartAsync();
        var prompt = await stack.UploadAsync("Write about a memorable place.");
        using var response = await stack.PostAdminAsync("admin/v1/assessment-instructions", new AssessmentInstructionsRequest("anchors-a", null, "Judge the essays fairly.", "eng5_np_national_9_step", "research", prompt));
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await stack.DisposeAsync();

    [Fact]
    public async Task Registering_is_an_upsert_by_assignment_label_and_scale()
    {
        var first = await RegisterAsync("7", "anchor-one", Scenario.Text("one"), HttpStatusCode.Created);
        Assert.Equal("registered", first.Status);
        Assert.Equal("eng5_np_national_9_step", first.GradeScale);

        var again = await RegisterAsync("7", "anchor-one", Scenario.Text("one"), HttpStatusCode.OK);
        Assert.Equal(("unchanged", first.AnchorId, first.StorageId), (again.Status, again.AnchorId, again.StorageId));

        var changed = await RegisterAsync("8", "anchor-one", Scenario.Text("one, revised"), HttpStatusCode.OK);
        Assert.Equal(("updated", first.AnchorId), (changed.Status, changed.AnchorId));
        Assert.NotEqual(first.StorageId, changed.StorageId);

        await RegisterAsync("0", null, Scenario.Text("two"), HttpStatusCode.Created);
        using var list = await stack.GetAdminAsync("admin/v1/anchors/assignment/anchors-a", AssessmentStack.AdminToken());
        using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal(2, json.RootElement.GetProperty("anchor_count").GetInt32());
        var grades = json.RootElement.GetProperty("anchors").EnumerateArray().Select(a => a.GetProperty("grade").GetString()!).Order().ToArray();
        Assert.Equal("0,8", string.Join(",", grades));
        Assert.Contains(json.RootElement.GetProperty("anchors").EnumerateArray(), a => a.GetProperty("anchor_label").GetString()!.StartsWith("anchor_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_grade_is_400_listing_the_scale_labels()
    {
        using var response = await stack.PostAdminAsync("api/v1/anchors/register", new AnchorRegistrationRequest("anchors-a", "B+", "x", Scenario.Text("x")));
        var problem = await ContentStoreTests.AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid_grade");
        Assert.Contains("0, 1, 2, 3, 4, 5, 6, 7, 8, 9", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_assignment_and_a_short_text_are_400()
    {
        using var unknown = await stack.PostAdminAsync("api/v1/anchors/register", new AnchorRegistrationRequest("nope", "5", "x", Scenario.Text("x")));
        await ContentStoreTests.AssertProblemAsync(unknown, HttpStatusCode.BadRequest, "unknown_assignment");
        using var shortText = await stack.PostAdminAsync("api/v1/anchors/register", new AnchorRegistrationRequest("anchors-a", "5", "x", "too short"));
        await ContentStoreTests.AssertProblemAsync(shortText, HttpStatusCode.BadRequest, "text_too_short");
    }

    [Fact]
    public async Task The_grade_scale_of_an_assignment_cannot_change()
    {
        using var response = await stack.PostAdminAsync("admin/v1/assessment-instructions", new AssessmentInstructionsRequest("anchors-a", null, "Judge the essays fairly.", "swedish_8_anchor", "research", null));
        await ContentStoreTests.AssertProblemAsync(response, HttpStatusCode.Conflict, "immutable_field");
    }

    [Fact]
    public async Task Anchors_of_an_assignment_without_instructions_are_404()
    {
        using var response = await stack.GetAdminAsync("admin/v1/anchors/assignment/missing", AssessmentStack.AdminToken());
        await ContentStoreTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    private async Task<AnchorRegistered> RegisterAsync(string grade, string? label, string text, HttpStatusCode expected)
    {
        using var response = await stack.PostAdminAsync("api/v1/anchors/register", new AnchorRegistrationRequest("anchors-a", grade, label, text));
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AnchorRegistered>(WireJson.Options))!;
    }
}
