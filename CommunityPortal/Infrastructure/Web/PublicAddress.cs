using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CommunityPortal.Infrastructure.Web;

/// <summary>Configuration section "Portal": the address people outside reach the portal at.</summary>
public sealed class PublicAddressOptions : IValidatableObject
{
    public const string Section = "Portal";

    /// <summary>
    /// e.g. https://qun.example.com/ (env Portal__PublicBaseUrl). Every printed or downloaded code carries it: a poster
    /// printed from an internal address (http://localhost:5080) would point there for as long as it hangs on a wall.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PublicBaseUrl) && PublicAddress.Normalize(PublicBaseUrl) is null)
        {
            yield return new ValidationResult(
                $"Portal:PublicBaseUrl must be an absolute http or https address without query or fragment, e.g. https://qun.example.com/ (got '{PublicBaseUrl}').",
                [nameof(PublicBaseUrl)]);
        }
    }
}

/// <summary>
/// The base of every address the portal prints, downloads or shows to people outside: the configured public address,
/// or — until an admin sets one — the address the operator's browser used (and the pages say so).
/// </summary>
public sealed class PublicAddress(IOptions<PublicAddressOptions> options)
{
    private readonly string? _configured = Normalize(options.Value.PublicBaseUrl);

    public bool IsConfigured => _configured is not null;

    /// <summary>The configured public base (ending in /), else <paramref name="requestBase"/> (e.g. NavigationManager.BaseUri).</summary>
    public string BaseFor(string requestBase) => _configured ?? (requestBase.EndsWith('/') ? requestBase : requestBase + "/");

    /// <summary>The base for a server-side request: configured, else scheme, host and path base of the request.</summary>
    public string BaseFor(HttpRequest request) => BaseFor($"{request.Scheme}://{request.Host}{request.PathBase}/");

    internal static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }
        var text = uri.GetLeftPart(UriPartial.Path);
        return text.EndsWith('/') ? text : text + "/";
    }
}

public static class PublicAddressRegistration
{
    public static IServiceCollection AddPublicAddress(this IServiceCollection services)
    {
        services.AddOptions<PublicAddressOptions>().BindConfiguration(PublicAddressOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublicAddress>();
        return services;
    }
}
