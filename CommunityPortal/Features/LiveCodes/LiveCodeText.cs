using CommunityPortal.Common;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.LiveCodes;

/// <summary>Marker for Resources/Features/LiveCodes/LiveCodeText.*.resx: the scan page and live-code messages.</summary>
public sealed class LiveCodeText;

/// <summary>
/// The shared validation messages, with this feature's own field labels and messages (Field.Slug, SlugFormat …)
/// looked up first in LiveCodeText, so ValidationErrors works unchanged and the shared resources stay untouched.
/// </summary>
internal sealed class LiveCodeValidationText(IStringLocalizer<ValidationText> shared, IStringLocalizer<LiveCodeText> own)
    : IStringLocalizer<ValidationText>
{
    public LocalizedString this[string name] => Pick(own[name], () => shared[name]);

    public LocalizedString this[string name, params object[] arguments] =>
        Pick(own[name, arguments], () => shared[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        own.GetAllStrings(includeParentCultures).Concat(shared.GetAllStrings(includeParentCultures));

    private static LocalizedString Pick(LocalizedString mine, Func<LocalizedString> theirs) => mine.ResourceNotFound ? theirs() : mine;
}
