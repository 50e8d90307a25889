using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Cj.Contracts;
using Cj.Hosting.Json;

namespace Cj.Runner.Execute;

/// <summary>The runner's HTTP client of the CJ Assessment Service: content uploads, instructions, anchors (admin JWT).</summary>
internal sealed class CjClient(HttpClient http, string adminToken)
{
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public async Task<string> UploadAsync(string text, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/content", UriKind.Relative))
        {
            Content = new StringContent(text, Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var stored = await Read<ContentStored>(response, "content upload", cancellationToken).ConfigureAwait(false);
        return stored.StorageId;
    }

    public Task SetInstructionsAsync(AssessmentInstructionsRequest request, CancellationToken cancellationToken) =>
        SendAdminAsync<AssessmentInstructionsRequest, object>("/admin/v1/assessment-instructions", request, "assessment instructions", cancellationToken);

    public Task<AnchorRegistered> RegisterAnchorAsync(AnchorRegistrationRequest request, CancellationToken cancellationToken) =>
        SendAdminAsync<AnchorRegistrationRequest, AnchorRegistered>("/api/v1/anchors/register", request, $"anchor {request.AnchorLabel}", cancellationToken);

    private async Task<TResponse> SendAdminAsync<TRequest, TResponse>(string path, TRequest body, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(body, options: WireJson.Options),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await Read<TResponse>(response, what, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> Read<T>(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new ServiceRefusedException(what, response.StatusCode, detail.Length > 500 ? detail[..500] : detail);
        }

        return await response.Content.ReadFromJsonAsync<T>(WireJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new ServiceRefusedException(what, response.StatusCode, "empty response");
    }
}

/// <summary>A service refused or failed a call the run cannot do without (exit code 3 before anything was published).</summary>
internal sealed class ServiceRefusedException(string what, HttpStatusCode status, string detail)
    : Exception($"{what} was refused by the CJ Assessment Service: HTTP {(int)status} {detail}");
