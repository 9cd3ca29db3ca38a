using System.Text.RegularExpressions;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.Members.List;
namespace CommunityPortal.Features.Members.Tags;

/// <summary>Tag groups and tags (标签体系), and tags on members: one at a time, on a selection, or on every member of a filter.</summary>
public sealed partial class TagService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<MemberText> text,
    IStringLocalizer<ValidationText> validationText,
    IActivityParticipants participants)
{
    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<MemberText>(validationText, text);

    /// <summary>Every tag group with its tags: behaviour, growth, attribute; then by name.</summary>
    public async Task<IReadOnlyList<TagGroupDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.Set<TagGroup>().AsNoTracking()
            .Select(g => new { g.Id, g.Name, g.Kind, g.AutoKey, g.Version })
            .ToListAsync(ct);
        var tags = await db.Set<Tag>().AsNoTracking()
            .Select(t => new TagDto(t.Id, t.TagGroupId, t.Name, t.Colour, t.AutoKey != null, t.Version))
            .ToListAsync(ct);
        var byGroup = tags.ToLookup(t => t.TagGroupId);
        var taken = groups.Where(g => g.AutoKey is null).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        return groups
            .Select(g => (Group: g, Name: ShownName(g.Name, g.AutoKey, taken)))
            .OrderBy(x => x.Group.Kind).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new TagGroupDto(x.Group.Id, x.Name, x.Group.Kind, x.Group.AutoKey != null,
                byGroup[x.Group.Id].OrderBy(t => t.Name, StringComparer.Ordinal).ToList(), x.Group.Version))
            .ToList();
    }

    /// <summary>
    /// The portal's own groups read in the reader's language: their stored name is in the language of whoever first
    /// triggered them (the admin CLI's seed-demo writes English). An operator's group of that name keeps the stored one.
    /// </summary>
    private string ShownName(string stored, string? autoKey, HashSet<string> taken)
    {
        var shown = autoKey switch
        {
            AutoTags.ChannelsGroupKey => text["AutoGroup.Channels"].Value,
            AutoTags.GroupsGroupKey => text["AutoGroup.Groups"].Value,
            _ => stored,
        };
        return taken.Contains(shown) ? stored : shown;
    }

    public async Task<TagGroupDto> CreateGroupAsync(TagGroupInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await ValidateGroupAsync(db, input, null, ct);
        var group = new TagGroup { Name = name, Kind = input.Kind };
        db.Add(group);
        await db.SaveAsync(text["TagConflict"], nameof(input.Name), GroupNameTaken, ct);
        return await GetGroupAsync(group.Id, ct);
    }

    public async Task<TagGroupDto> UpdateGroupAsync(int id, TagGroupInput input, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.Set<TagGroup>().FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw GroupNotFound();
        var name = await ValidateGroupAsync(db, input, id, ct);
        db.ExpectVersion(group, expectedVersion, text["TagConflict"]);
        group.Name = name;
        group.Kind = input.Kind;
        await db.SaveAsync(text["TagConflict"], nameof(input.Name), GroupNameTaken, ct);
        return await GetGroupAsync(id, ct);
    }

    /// <summary>Only an empty group can be deleted: deleting its tags first is a deliberate step.</summary>
    public async Task DeleteGroupAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var group = await db.Set<TagGroup>().FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw GroupNotFound();
        if (await db.Set<Tag>().AnyAsync(t => t.TagGroupId == id, ct))
        {
            throw new ConflictException(text["TagGroupNotEmpty"]);
        }
        db.Remove(group);
        await db.SaveAsync(text["TagConflict"], null, null, ct);
    }

    public async Task<TagDto> GetTagAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Tag>().AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TagDto(t.Id, t.TagGroupId, t.Name, t.Colour, t.AutoKey != null, t.Version))
            .FirstOrDefaultAsync(ct) ?? throw TagNotFound();
    }

    public async Task<TagDto> CreateTagAsync(TagInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (name, colour) = await ValidateTagAsync(db, input, null, ct);
        var tag = new Tag { TagGroupId = input.TagGroupId, Name = name, Colour = colour };
        db.Add(tag);
        await db.SaveAsync(text["TagConflict"], nameof(input.Name), TagNameTaken, ct);
        return await GetTagAsync(tag.Id, ct);
    }

    public async Task<TagDto> UpdateTagAsync(int id, TagInput input, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tag = await db.Set<Tag>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw TagNotFound();
        var (name, colour) = await ValidateTagAsync(db, input, id, ct);
        db.ExpectVersion(tag, expectedVersion, text["TagConflict"]);
        tag.TagGroupId = input.TagGroupId;
        tag.Name = name;
        tag.Colour = colour;
        await db.SaveAsync(text["TagConflict"], nameof(input.Name), TagNameTaken, ct);
        return await GetTagAsync(id, ct);
    }

    /// <summary>Deletes the tag and takes it off every member (pages confirm first); timeline entries keep its name.</summary>
    public async Task DeleteTagAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tag = await db.Set<Tag>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw TagNotFound();
        db.Remove(tag);
        await db.SaveAsync(text["TagConflict"], null, null, ct);
    }

    private async Task<TagGroupDto> GetGroupAsync(int id, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(g => g.Id == id) ?? throw GroupNotFound();

    private async Task<string> ValidateGroupAsync(PortalDbContext db, TagGroupInput input, int? id, CancellationToken ct)
    {
        var errors = new ValidationErrors(Messages);
        var name = Text.Clean(input.Name);
        errors.Required(nameof(input.Name), name, TagGroup.NameMax);
        if (!Enum.IsDefined(input.Kind))
        {
            errors.Add(nameof(input.Kind), "Invalid");
        }
        if (!errors.HasErrors && await db.Set<TagGroup>().AnyAsync(g => g.Name == name && g.Id != id, ct))
        {
            errors.Add(nameof(input.Name), "Unique");
        }
        errors.ThrowIfAny();
        return name!;
    }

    private async Task<(string Name, string Colour)> ValidateTagAsync(PortalDbContext db, TagInput input, int? id, CancellationToken ct)
    {
        var errors = new ValidationErrors(Messages);
        var name = Text.Clean(input.Name);
        errors.Required(nameof(input.Name), name, Tag.NameMax);
        var colour = NormalizeColour(input.Colour);
        if (colour is null)
        {
            errors.Add(nameof(input.Colour), "ColourFormat");
        }
        if (!await db.Set<TagGroup>().AnyAsync(g => g.Id == input.TagGroupId, ct))
        {
            errors.Add(nameof(input.TagGroupId), "NotFound");
        }
        else if (!errors.HasErrors && await db.Set<Tag>().AnyAsync(t => t.TagGroupId == input.TagGroupId && t.Name == name && t.Id != id, ct))
        {
            errors.Add(nameof(input.Name), "UniqueInParent");
        }
        errors.ThrowIfAny();
        return (name!, colour!);
    }

    /// <summary>"#1e88e5", "1E88E5" → "#1E88E5"; anything else → null.</summary>
    internal static string? NormalizeColour(string? value)
    {
        var clean = Text.Clean(value);
        if (clean is null)
        {
            return null;
        }
        clean = clean.StartsWith('#') ? clean : "#" + clean;
        return ColourPattern().IsMatch(clean) ? clean.ToUpperInvariant() : null;
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColourPattern();

    private string GroupNameTaken() => Messages["Unique", Messages["Field.Name"]];

    private string TagNameTaken() => Messages["UniqueInParent", Messages["Field.Name"]];

    private NotFoundException GroupNotFound() => new(text["TagGroupNotFound"]);

    private NotFoundException TagNotFound() => new(text["TagNotFound"]);
}
