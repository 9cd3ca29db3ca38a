using System.Globalization;
using System.Text.RegularExpressions;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Features.Matrix;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Import;

/// <summary>One row's checks, cell by cell; errors name the Excel row and the column as the file calls it.</summary>
public sealed partial class ImportPlanner
{
    private static readonly char[] TagSeparators = [';', '；', '、'];
    private static readonly char[] QualifierSeparators = ['/', ':', '：'];

    private static readonly Dictionary<string, Gender> Genders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["男"] = Gender.Male, ["女"] = Gender.Female, ["未知"] = Gender.Unknown,
        ["male"] = Gender.Male, ["female"] = Gender.Female, ["unknown"] = Gender.Unknown, ["m"] = Gender.Male, ["f"] = Gender.Female,
    };

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
