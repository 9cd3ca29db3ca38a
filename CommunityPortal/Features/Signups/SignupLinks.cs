
namespace CommunityPortal.Features.Signups;

public static class SignupLinks
{
    /// <summary>The public sign-up page of a form, e.g. https://portal.example.cn/s/act12.</summary>
    public static string PublicUrl(string baseUri, string slug) => $"{baseUri.TrimEnd('/')}/s/{Uri.EscapeDataString(slug)}";

    public static string Editor(int activityId) => $"activities/{activityId}/signup";

    public static string List(int activityId) => $"activities/{activityId}/signups";
}
