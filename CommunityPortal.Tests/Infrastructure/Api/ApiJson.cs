using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace CommunityPortal.Tests.Infrastructure.Api;

/// <summary>Reading API answers the way a client would: camelCase JSON, enums as names, errors as ProblemDetails.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Options)!;
    }

    /// <summary>Asserts the status and the problem+json media type, and returns the problem.</summary>
    public static async Task<HttpValidationProblemDetails> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<HttpValidationProblemDetails>(body, Options)!;
        Assert.Equal((int)expected, problem.Status);
        return problem;
    }

    /// <summary>A 400 validation problem; returns the messages of the one field it must name.</summary>
    public static async Task<string[]> ReadFieldErrorsAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.TryGetValue(field, out var messages), $"No error for '{field}': {string.Join(", ", problem.Errors.Keys)}");
        return messages!;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Options);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Options);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json, string mediaType = "application/json") =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, mediaType));
}
