using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPortal.Common;
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
    private static readonly char[] TagSeparators = [';', '；', '、'];
    private static readonly char[] QualifierSeparators = ['/', ':', '：'];

    private static readonly Dictionary<string, Gender> Genders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["男"] = Gender.Male, ["女"] = Gender.Female, ["未知"] = Gender.Unknown,
        ["male"] = Gender.Male, ["female"] = Gender.Female, ["unknown"] = Gender.Unknown, ["m"] = Gender.Male, ["f"] = Gender.Female,
    };

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

    private sealed class RowCheck(ImportPlanner planner, CsvMemberFile file, ImportRow source, List<ImportCellError> errors)
    {
        public PlannedRow Check(Lookup lookup, ImportReference reference, Dictionary<string, int> unionRows, Dictionary<string, int> phoneRows,
            Dictionary<int, int> memberRows, DuplicatePolicy policy)
        {
            var nickname = Cell(ImportColumn.Nickname);
            if (nickname is null && !HasError(ImportColumn.Nickname))
            {
                Add(ImportColumn.Nickname, "Error.Required");
            }
            var remarkName = Cell(ImportColumn.RemarkName);
            var region = Cell(ImportColumn.Region);
            MaxLength(ImportColumn.Nickname, nickname, Member.NicknameMax);
            MaxLength(ImportColumn.RemarkName, remarkName, Member.RemarkNameMax);
            MaxLength(ImportColumn.Region, region, Member.RegionMax);
            var phone = Phone();
            var unionId = UnionId();
            var gender = Parse<Gender>(ImportColumn.Gender, v => Genders.TryGetValue(v, out var g) ? g : null, "Error.Gender");
            var level = Parse<GrowthLevel>(ImportColumn.GrowthLevel,
                v => v.Length == 1 && Enum.TryParse<GrowthLevel>(v, ignoreCase: true, out var l) ? l : null, "Error.Growth");
            var tagIds = Tags(lookup);
            var channelId = Resolve(ImportColumn.Channel, lookup.ChannelsByName, lookup.ChannelsById, c => c.Id, "Channel");
            var groupId = Resolve(ImportColumn.Group, lookup.GroupsByName, lookup.GroupsById, g => g.Id, "Group");
            if (groupId is { } id && lookup.GroupsById[id].Status == GroupStatus.Archived)
            {
                Add(ImportColumn.Group, "Error.GroupArchived", lookup.GroupsById[id].Name);
            }

            Unique(ImportColumn.UnionId, unionId, unionRows);
            Unique(ImportColumn.Phone, phone, phoneRows);
            var existing = Match(reference, unionId, phone, memberRows);
            return new PlannedRow
            {
                Source = source, Errors = errors, Existing = existing,
                Action = errors.Count > 0 ? RowAction.Error
                    : existing is null ? RowAction.New
                    : policy == DuplicatePolicy.Update ? RowAction.Update : RowAction.Skip,
                Nickname = nickname ?? "", RemarkName = remarkName, Phone = phone, UnionId = unionId, Gender = gender, Region = region,
                GrowthLevel = level, ChannelId = channelId, TagIds = tagIds, GroupId = groupId,
            };
        }

        /// <summary>
        /// The clean text of a cell, or null when empty or refused: unreadable characters (a wrong encoding), line
        /// breaks (an unclosed quote), and a leading =, +, - or @, which spreadsheet programs run as a formula when the
        /// value is exported again. A phone such as +86 138… is the exception: only its 11 digits are stored.
        /// </summary>
        private string? Cell(ImportColumn column)
        {
            if (Text.Clean(source[column]) is not { } value)
            {
                return null;
            }
            if (value.Contains('\uFFFD', StringComparison.Ordinal))
            {
                Add(column, "Error.Unreadable");
                return null;
            }
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                Add(column, "Error.LineBreak");
                return null;
            }
            if (value[0] is '=' or '+' or '-' or '@' && !(column == ImportColumn.Phone && MemberRules.NormalizePhone(value) is not null))
            {
                Add(column, "Error.Formula", value[0]);
                return null;
            }
            return value;
        }

        private string? Phone()
        {
            if (Cell(ImportColumn.Phone) is not { } value)
            {
                return null;
            }
            var phone = MemberRules.NormalizePhone(value);
            if (phone is null)
            {
                Add(ImportColumn.Phone, ScientificNumber().IsMatch(value) ? "Error.PhoneScientific" : "Error.PhoneFormat", value);
            }
            return phone;
        }

        private string? UnionId()
        {
            if (Cell(ImportColumn.UnionId) is not { } value)
            {
                return null;
            }
            if (!MemberRules.IsUnionId(value))
            {
                Add(ImportColumn.UnionId, "Error.UnionIdFormat", MemberRules.UnionIdMin, MemberRules.UnionIdMax);
                return null;
            }
            return value;
        }

        private T? Parse<T>(ImportColumn column, Func<string, T?> parse, string errorKey) where T : struct, Enum
        {
            if (Cell(column) is not { } value)
            {
                return null;
            }
            var parsed = parse(value);
            if (parsed is null)
            {
                Add(column, errorKey, value);
            }
            return parsed;
        }

        private int[] Tags(Lookup lookup)
        {
            if (Cell(ImportColumn.Tags) is not { } value)
            {
                return [];
            }
            var ids = new List<int>();
            var unknown = new List<string>();
            foreach (var name in value.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct())
            {
                var matches = lookup.TagsByName[name].ToList();
                if (matches.Count == 0 && name.IndexOfAny(QualifierSeparators) is var at and > 0)
                {
                    matches = [.. lookup.TagsByQualifiedName[$"{name[..at].Trim()}/{name[(at + 1)..].Trim()}"]];
                }
                if (matches.Count == 1)
                {
                    ids.Add(matches[0].Id);
                }
                else if (matches.Count > 1)
                {
                    Add(ImportColumn.Tags, "Error.AmbiguousTag", name, string.Join("、", matches.Select(t => $"{t.GroupName}/{t.Name}")));
                }
                else
                {
                    unknown.Add(name);
                }
            }
            if (unknown.Count > 0)
            {
                Add(ImportColumn.Tags, "Error.UnknownTags", string.Join("、", unknown));
            }
            return [.. ids.Distinct()];
        }

        /// <summary>A group or channel by its exact name, or by "#id" when names repeat (every period has its 福利1群).</summary>
        private int? Resolve<T>(ImportColumn column, ILookup<string, T> byName, Dictionary<int, T> byId, Func<T, int> id, string kind)
        {
            if (Cell(column) is not { } value)
            {
                return null;
            }
            var matches = byName[value].ToList();
            if (matches.Count == 0 && value.StartsWith('#')
                && int.TryParse(value.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && byId.TryGetValue(number, out var found))
            {
                matches = [found];
            }
            if (matches.Count == 1)
            {
                return id(matches[0]);
            }
            if (matches.Count > 1)
            {
                Add(column, $"Error.Ambiguous{kind}", value, matches.Count, string.Join(" ", matches.Select(m => "#" + id(m).ToString(CultureInfo.InvariantCulture))));
            }
            else
            {
                Add(column, $"Error.Unknown{kind}", value);
            }
            return null;
        }

        private void Unique(ImportColumn column, string? value, Dictionary<string, int> seen)
        {
            if (value is null)
            {
                return;
            }
            if (seen.TryGetValue(value, out var first))
            {
                Add(column, "Error.DuplicateInFile", first);
            }
            else
            {
                seen[value] = source.Number;
            }
        }

        /// <summary>The member the row names, when the UnionID and the phone agree on one; each member once per file.</summary>
        private ExistingMember? Match(ImportReference reference, string? unionId, string? phone, Dictionary<int, int> memberRows)
        {
            var byUnion = unionId is null ? null : reference.ByUnionId.GetValueOrDefault(unionId);
            var byPhone = phone is null ? null : reference.ByPhone.GetValueOrDefault(phone);
            if (byUnion is not null && byPhone is not null && byUnion.Id != byPhone.Id)
            {
                Add(ImportColumn.Phone, "Error.TwoMembers", byUnion.MemberNo, byPhone.MemberNo);
                return null;
            }
            var member = byUnion ?? byPhone;
            if (member is null)
            {
                return null;
            }
            if (memberRows.TryGetValue(member.Id, out var first))
            {
                Add(byUnion is not null ? ImportColumn.UnionId : ImportColumn.Phone, "Error.SameMember", first, member.MemberNo);
                return member;
            }
            memberRows[member.Id] = source.Number;
            return member;
        }

        private void MaxLength(ImportColumn column, string? value, int max)
        {
            if (value is not null && value.Length > max)
            {
                Add(column, "Error.TooLong", max, value.Length);
            }
        }

        private bool HasError(ImportColumn column) => errors.Any(e => e.Column == column);

        private void Add(ImportColumn column, string key, params object[] args) =>
            errors.Add(new ImportCellError(source.Number, column, file.ColumnName(column), planner.Message(key, args)));
    }
}
