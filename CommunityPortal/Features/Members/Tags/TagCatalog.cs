using CommunityPortal.Features.Members.List;
using CommunityPortal.Features.Members.Profile;

namespace CommunityPortal.Features.Members.Tags;

/// <summary>The tag groups and their tags as loaded once for a page: pickers, chips and bulk choices read it.</summary>
public sealed class TagCatalog
{
    private readonly Dictionary<int, (TagDto Tag, TagGroupDto Group)> _byId;

    public TagCatalog(IReadOnlyList<TagGroupDto> groups)
    {
        Groups = groups;
        _byId = groups.SelectMany(g => g.Tags.Select(t => (Tag: t, Group: g))).ToDictionary(x => x.Tag.Id);
        Options = [.. groups.SelectMany(g => g.Tags.Select(t => new TagOption(t.Id, t.Name, g.Name, t.Colour)))];
        ManualOptions = [.. groups.Where(g => !g.IsAuto).SelectMany(g => g.Tags.Where(t => !t.IsAuto).Select(t => new TagOption(t.Id, t.Name, g.Name, t.Colour)))];
    }

    public static TagCatalog Empty { get; } = new([]);

    public IReadOnlyList<TagGroupDto> Groups { get; }

    /// <summary>Every tag, by kind, group and name, for a single-tag dropdown.</summary>
    public IReadOnlyList<TagOption> Options { get; }

    /// <summary>The tags people put on members (not the automatic behaviour tags the portal keeps): for bulk changes.</summary>
    public IReadOnlyList<TagOption> ManualOptions { get; }

    public TagDto? Find(int id) => _byId.TryGetValue(id, out var entry) ? entry.Tag : null;

    public string? GroupName(int tagId) => _byId.TryGetValue(tagId, out var entry) ? entry.Group.Name : null;
}

/// <summary>A tag for a dropdown: "group · tag".</summary>
public sealed record TagOption(int Id, string Name, string GroupName, string Colour)
{
    public string Label => $"{GroupName} · {Name}";
}
