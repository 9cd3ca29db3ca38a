using System.Globalization;
using CommunityPortal.Infrastructure.Time;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Import;

/// <summary>
/// The "imported" fact (docs/adr/015): each import makes one behaviour tag, "导入 2026-11-22 14:05", in a tag group the
/// portal keeps (AutoKey "imports"), and puts it on every member it created or updated. The timeline shows it as a tag
/// added by the importing user; the member list finds the batch by the tag; removing the tag keeps the timeline fact.
/// </summary>
internal static class ImportBatchTag
{
    internal const string GroupKey = "imports";
    internal const string Colour = "#6D4C41";

    public static async Task<(int Id, string Name)> CreateAsync(PortalDbContext db, IStringLocalizer<ImportText> text, DateTime now, CancellationToken ct)
    {
        var groupId = await db.Set<TagGroup>().Where(g => g.AutoKey == GroupKey).Select(g => (int?)g.Id).FirstOrDefaultAsync(ct);
        if (groupId is null)
        {
            string groupName = text["BatchTag.Group"];
            // An operator may have a group of that name already: the portal's own then says which one it is.
            if (await db.Set<TagGroup>().AnyAsync(g => g.Name == groupName, ct))
            {
                groupName = Fit($"{groupName} ({GroupKey})", TagGroup.NameMax);
            }
            var group = new TagGroup { Name = groupName, Kind = TagGroupKind.Behaviour, AutoKey = GroupKey };
            db.Add(group);
            await db.SaveChangesAsync(ct);
            groupId = group.Id;
        }
        var stamp = PortalTime.ToLocal(now).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        string baseName = text["BatchTag.Name", stamp];
        var name = baseName;
        for (var n = 2; await db.Set<Tag>().AnyAsync(t => t.TagGroupId == groupId && t.Name == name, ct); n++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{baseName} #{n}");
        }
        var tag = new Tag
        {
            TagGroupId = groupId.Value, Name = Fit(name, Tag.NameMax), Colour = Colour, AutoKey = $"import:{Guid.NewGuid():N}"[..Tag.AutoKeyMax],
        };
        db.Add(tag);
        await db.SaveChangesAsync(ct);
        return (tag.Id, tag.Name);
    }

    private static string Fit(string value, int max) => value.Length <= max ? value : value[..max];
}
