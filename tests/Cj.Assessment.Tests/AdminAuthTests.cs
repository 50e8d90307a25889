using System.Net;
using System.Text;
using Cj.Assessment.Tests.Support;
using Cj.Contracts;

namespace Cj.Assessment.Tests;

public sealed class AdminAuthTests : IAsyncLifetime
{
    private const string Path = "admin/v1/anchors/assignment/any";
    private AssessmentStack stack = null!;

    public async Task InitializeAsync() => stack = await AssessmentStack.StartAsync();

    public async Task DisposeAsync() => await stack.DisposeAsync();

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge()
    {
        using var response = await stack.GetAdminAsync(Path, token: null);
        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task A_malformed_token_is_401() =>
        await AssertUnauthorizedAsync(await stack.GetAdminAsync(Path, "not.a.jwt"));

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var twoHoursAgo = new ShiftedTime(TimeSpan.FromHours(-2));
        var token = AdminTokens.Create(AssessmentStack.SigningKey, AssessmentStack.Issuer, AssessmentStack.Audience, ["admin"], TimeSpan.FromHours(1), twoHoursAgo);
        await AssertUnauthorizedAsync(await stack.GetAdminAsync(Path, token));
    }

    [Fact]
    public async Task A_token_for_another_audience_or_issuer_is_401()
    {
        var audience = AdminTokens.Create(AssessmentStack.SigningKey, AssessmentStack.Issuer, "other-audience", ["admin"], TimeSpan.FromMinutes(5), TimeProvider.System);
        await AssertUnauthorizedAsync(await stack.GetAdminAsync(Path, audience));
        var issuer = AdminTokens.Create(AssessmentStack.SigningKey, "other-issuer", AssessmentStack.Audience, ["admin"], TimeSpan.FromMinutes(5), TimeProvider.System);
        await AssertUnauthorizedAsync(await stack.GetAdminAsync(Path, issuer));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var token = AdminTokens.Create("another-signing-key-0123456789abcdefghijklmnop", AssessmentStack.Issuer, AssessmentStack.Audience, ["admin"], TimeSpan.FromMinutes(5), TimeProvider.System);
        await AssertUnauthorizedAsync(await stack.GetAdminAsync(Path, token));
    }

    [Fact]
    public async Task A_valid_token_without_the_admin_role_is_403()
    {
        using var response = await stack.GetAdminAsync(Path, AssessmentStack.AdminToken("teacher"));
        await ContentStoreTests.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_valid_admin_token_is_accepted_on_every_admin_route()
    {
        var prompt = await stack.UploadAsync("Write about a memorable place.");
        using var created = await stack.PostAdminAsync("admin/v1/assessment-instructions", new AssessmentInstructionsRequest("auth-a", null, "Judge the essays fairly.", "swedish_8_anchor", "research", prompt));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var updated = await stack.PostAdminAsync("admin/v1/assessment-instructions", new AssessmentInstructionsRequest("auth-a", null, "Judge the essays carefully.", "swedish_8_anchor", "research", prompt));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        using var list = await stack.GetAdminAsync("admin/v1/anchors/assignment/auth-a", AssessmentStack.AdminToken());
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var anchor = await stack.PostAdminAsync("api/v1/anchors/register", new AnchorRegistrationRequest("auth-a", "B", null, Scenario.Text("auth")));
        Assert.Equal(HttpStatusCode.Created, anchor.StatusCode);
    }

    [Fact]
    public async Task Admin_posts_without_a_token_are_401_and_change_nothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/anchors/register")
        {
            Content = new StringContent("""{"assignment_id":"x","grade":"A","anchor_label":null,"essay_text":"t"}""", Encoding.UTF8, "application/json"),
        };
        await AssertUnauthorizedAsync(await stack.Anonymous.SendAsync(request));
    }

    [Theory]
    [InlineData("POST", "v1/content")]
    [InlineData("GET", "v1/content/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("GET", "api/v1/batches/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    public async Task Content_and_batch_routes_require_the_admin_token_too(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("An essay text that must not be stored without a token.", Encoding.UTF8, "text/plain");
        }

        await AssertUnauthorizedAsync(await stack.Anonymous.SendAsync(request));
        using var forbidden = new HttpRequestMessage(new HttpMethod(method), path);
        forbidden.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AssessmentStack.AdminToken("reader"));
        using var response = await stack.Anonymous.SendAsync(forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        using (response)
        {
            await ContentStoreTests.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }
}
