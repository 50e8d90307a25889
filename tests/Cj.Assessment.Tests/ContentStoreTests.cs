using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Cj.Assessment.Tests.Support;
using Cj.Contracts;
using Cj.Hosting.Json;

namespace Cj.Assessment.Tests;

public sealed class ContentStoreTests : IAsyncLifetime
{
    private AssessmentStack stack = null!;

    public async Task InitializeAsync() => stack = await AssessmentStack.StartAsync();

    public async Task DisposeAsync() => await stack.DisposeAsync();

    [Fact]
    public async Task A_text_round_trips_byte_for_byte_under_its_sha256()
    {
        const string text = "Åsa wrote: “naïve café” — line one\nline two\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        using var post = await stack.Http.PostAsync("v1/content", new ByteArrayContent(bytes));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var stored = await post.Content.ReadFromJsonAsync<ContentStored>(WireJson.Options);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored!.StorageId);
        Assert.False(string.IsNullOrEmpty(stored.CorrelationId));

        using var get = await stack.Http.GetAsync($"v1/content/{stored.StorageId}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", get.Content.Headers.ContentType!.ToString());
        Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Uploading_the_same_text_twice_gives_201_and_the_same_id()
    {
        var first = await stack.UploadAsync("the same text");
        var second = await stack.UploadAsync("the same text");
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_correlation_id_is_echoed_or_generated()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/content") { Content = new StringContent("text") };
        request.Headers.Add("X-Correlation-ID", "my-correlation");
        using var echoed = await stack.Http.SendAsync(request);
        Assert.Equal("my-correlation", echoed.Headers.GetValues("X-Correlation-ID").Single());
        Assert.Equal("my-correlation", (await echoed.Content.ReadFromJsonAsync<ContentStored>(WireJson.Options))!.CorrelationId);

        using var generated = await stack.Http.GetAsync("v1/content/" + new string('a', 64));
        Assert.True(Guid.TryParse(generated.Headers.GetValues("X-Correlation-ID").Single(), out _));
    }

    [Fact]
    public async Task Empty_text_and_invalid_utf8_are_400_with_codes()
    {
        using var empty = await stack.Http.PostAsync("v1/content", new ByteArrayContent([]));
        await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "empty_content");

        using var invalid = await stack.Http.PostAsync("v1/content", new ByteArrayContent([0x66, 0xC3, 0x28, 0xFF]));
        await AssertProblemAsync(invalid, HttpStatusCode.BadRequest, "invalid_utf8");
    }

    [Fact]
    public async Task A_text_over_2_MiB_is_413()
    {
        using var response = await stack.Http.PostAsync("v1/content", new ByteArrayContent(Encoding.UTF8.GetBytes(new string('x', (2 * 1024 * 1024) + 1))));
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "content_too_large");
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_404_and_400()
    {
        using var unknown = await stack.Http.GetAsync("v1/content/" + new string('0', 64));
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not_found");
        using var malformed = await stack.Http.GetAsync("v1/content/" + new string('A', 64));
        await AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "invalid_storage_id");
    }

    internal static async Task<Problem> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<Problem>(WireJson.Options);
        Assert.Equal(code, problem!.Code);
        Assert.Equal((int)status, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.CorrelationId));
        return problem;
    }
}
