using Microsoft.Extensions.Localization;

namespace CommunityPortal.Infrastructure.Validation;

/// <summary>
/// The shared validation messages, with a feature's own field labels and messages (e.g. "Field.Slug", "SlugFormat")
/// looked up first in that feature's resources: <see cref="ValidationErrors"/> works unchanged for every feature,
/// and the shared resources hold only what is shared.
/// </summary>
public sealed class FeatureValidationText<TFeature>(IStringLocalizer<ValidationText> shared, IStringLocalizer<TFeature> own)
    : IStringLocalizer<ValidationText>
{
    public LocalizedString this[string name] => Pick(own[name], () => shared[name]);

    public LocalizedString this[string name, params object[] arguments] =>
        Pick(own[name, arguments], () => shared[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        own.GetAllStrings(includeParentCultures).Concat(shared.GetAllStrings(includeParentCultures));

    private static LocalizedString Pick(LocalizedString mine, Func<LocalizedString> theirs) => mine.ResourceNotFound ? theirs() : mine;
}
