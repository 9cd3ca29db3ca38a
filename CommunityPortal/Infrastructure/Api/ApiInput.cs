using CommunityPortal.Infrastructure.Validation;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Infrastructure.Api;

public static class ApiInput
{
    /// <summary>An update must say which version the client saw, or it could silently overwrite a change it never saw.</summary>
    public static int RequireVersion(int? version, IStringLocalizer<ValidationText> text) =>
        version ?? throw new PortalValidationException(new Dictionary<string, string[]>
        {
            ["version"] = [text["Required", text["Field.Version"]]],
        });
}
