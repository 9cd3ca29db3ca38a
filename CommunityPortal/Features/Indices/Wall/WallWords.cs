using System.Globalization;
using System.Resources;
using CommunityPortal.Infrastructure.Localization;

namespace CommunityPortal.Features.Indices.Wall;

/// <summary>
/// The wall screen's words, always in Chinese (issue 11): a TV's browser may say anything in Accept-Language or hold an
/// old culture cookie, and the circuit's culture comes from that. So the wall reads <see cref="WallText"/> for zh-CN
/// explicitly instead of through the current culture, as the rest of the portal does.
/// </summary>
public sealed class WallWords
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo(PortalCultures.Default);

    private static readonly ResourceManager Resources = new(typeof(WallText).FullName!, typeof(WallText).Assembly);

    public string this[string key] => Resources.GetString(key, Culture) ?? key;

    public string this[string key, params object[] arguments] => string.Format(Culture, this[key], arguments);
}
