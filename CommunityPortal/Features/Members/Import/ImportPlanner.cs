using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPortal.Features.Matrix;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Import;

/// <summary>
/// Checks every row of a file against the member rules and the portal's data, and decides what each row does (new,
/// update, skip, error). Pure: the same file, reference data and policy give the same preview, in memory, so the
/// importer can plan again inside its transaction and see whether anything changed since the preview.
/// </summary>
public sealed partial class ImportPlanner(IStringLocalizer<ImportText> text)
{
    public ImportPreview Plan(CsvMemberFile file, ImportReference reference, DuplicatePolicy policy)
    {
        var lookup = new Lookup(reference);
        var unionRows = new Dictionary<string, int>(StringComparer.Ordinal);
        var phoneRows = new Dictionary<string, int>(StringComparer.Ordinal);
        var memberRows = new Dictionary<int, int>();
        var errorsByRow = file.ReadErrors.ToLookup(e => e.Row);
        var rows = new List<PlannedRow>(file.Rows.Count);
        foreach (var source in file.Rows)
        {
            var row = new RowCheck(this, file, source, [.. errorsByRow[source.Number]]);
            var planned = row.Check(lookup, reference, unionRows, phoneRows, memberRows, policy);
            rows.Add(planned);
        }
        CheckCapacity(file, reference, rows);
        return new ImportPreview { File = file, Reference = reference, Policy = policy, Rows = rows };
    }

    /// <summary>Rows that would take a group past its capacity are refused, from the first one over, as joining would be.</summary>
    private void CheckCapacity(CsvMemberFile file, ImportReference reference, List<PlannedRow> rows)
    {
        var joins = new Dictionary<int, int>();
        var groups = reference.Groups.ToDictionary(g => g.Id);
        foreach (var row in rows)
        {
            if (row.GroupId is not { } groupId || row.Action is not (RowAction.New or RowAction.Update)
                || (row.Existing is { } existing && reference.OpenStays.Contains((existing.Id, groupId))))
            {
                continue;
            }
            var group = groups[groupId];
            var count = joins[groupId] = joins.GetValueOrDefault(groupId) + 1;
            if (group.OpenCount + count > group.Capacity)
            {
                row.Errors.Add(new ImportCellError(row.Source.Number, ImportColumn.Group, file.ColumnName(ImportColumn.Group),
                    text["Error.GroupFull", group.Name, group.Capacity]));
                row.Action = RowAction.Error;
            }
        }
    }

    private string Message(string key, params object[] args) => text[key, args];

    /// <summary>1.38001E+10: what Excel writes for an 11-digit number in a column formatted as a number.</summary>
    [GeneratedRegex(@"^[0-9](\.[0-9]+)?[Ee]\+[0-9]+$")]
    private static partial Regex ScientificNumber();

    /// <summary>Names → ids for tags, groups and channels; a name used twice is ambiguous, never guessed.</summary>
    private sealed class Lookup(ImportReference reference)
    {
        public ILookup<string, TagRef> TagsByName { get; } = reference.Tags.ToLookup(t => t.Name, StringComparer.Ordinal);

        public ILookup<string, TagRef> TagsByQualifiedName { get; } = reference.Tags.ToLookup(t => $"{t.GroupName}/{t.Name}", StringComparer.Ordinal);

        public ILookup<string, GroupRef> GroupsByName { get; } = reference.Groups.ToLookup(g => g.Name, StringComparer.Ordinal);

        public Dictionary<int, GroupRef> GroupsById { get; } = reference.Groups.ToDictionary(g => g.Id);

        public ILookup<string, ChannelRef> ChannelsByName { get; } = reference.Channels.ToLookup(c => c.Name, StringComparer.Ordinal);

        public Dictionary<int, ChannelRef> ChannelsById { get; } = reference.Channels.ToDictionary(c => c.Id);
    }
}
