using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityPortal.Features.Signups;

/// <summary>
/// The JSON columns: questions as [{"key":"q1","label":"…","kind":"choice","options":["…"],"required":true}] and answers as
/// [{"key":"q1","label":"…","value":"…"}]. A value that does not read (edited by hand) reads as no questions or answers.
/// </summary>
public static class SignupJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Chinese stays readable in the column (and in exports), not \uXXXX.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IReadOnlyList<SignupQuestion> questions) => JsonSerializer.Serialize(questions, Options);

    public static string Write(IReadOnlyList<SignupAnswer> answers) => JsonSerializer.Serialize(answers, Options);

    public static IReadOnlyList<SignupQuestion> Questions(string? json) => Read<SignupQuestion>(json);

    public static IReadOnlyList<SignupAnswer> Answers(string? json) => Read<SignupAnswer>(json);

    private static IReadOnlyList<T> Read<T>(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
