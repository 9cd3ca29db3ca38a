
namespace CommunityPortal.Features.Members.Import;

/// <summary>What to do with a row whose UnionID or phone belongs to a member already in the portal.</summary>
public enum DuplicatePolicy
{
    Skip = 0,
    Update = 1,
}

public enum RowAction
{
    New = 0,
    Update = 1,
    Skip = 2,
    Error = 3,
}

/// <summary>A problem with a cell (or, with no column, with the row), named as the user sees it in Excel.</summary>
public sealed record ImportCellError(int Row, ImportColumn? Column, string ColumnName, string Message);

/// <summary>One data row as read: its row number in Excel (the header is row 1) and the text of each known column.</summary>
public sealed class ImportRow(int number, string?[] cells)
{
    public int Number { get; } = number;

    public string? this[ImportColumn column] => cells[(int)column];
}

/// <summary>A CSV file as read, before anything is checked against the portal's data.</summary>
public sealed record CsvMemberFile(
    string FileName,
    long Size,
    CsvEncoding Encoding,
    EncodingChoice Choice,
    IReadOnlyDictionary<ImportColumn, string> Headers,
    IReadOnlyList<string> IgnoredHeaders,
    bool HasMemberNumberColumn,
    IReadOnlyList<ImportRow> Rows,
    IReadOnlyList<string> FileErrors,
    IReadOnlyList<ImportCellError> ReadErrors)
{
    public static CsvMemberFile Refused(string fileName, long size, EncodingChoice choice, string error) =>
        new(fileName, size, CsvEncoding.Utf8, choice, new Dictionary<ImportColumn, string>(), [], false, [], [error], []);

    /// <summary>The column's name as the file's header wrote it (messages quote it back).</summary>
    public string ColumnName(ImportColumn column) => Headers.TryGetValue(column, out var name) ? name : column.ToString();
}

/// <summary>A member already in the portal that a row names by UnionID or phone.</summary>
public sealed record ExistingMember(int Id, int MemberNo, string Nickname, string? UnionId, string? Phone);

/// <summary>A row checked and resolved: what it will do and with which clean values.</summary>
public sealed class PlannedRow
{
    public required ImportRow Source { get; init; }

    public required List<ImportCellError> Errors { get; init; }

    public ExistingMember? Existing { get; init; }

    public RowAction Action { get; set; }

    public string Nickname { get; init; } = "";

    public string? RemarkName { get; init; }

    public string? Phone { get; init; }

    public string? UnionId { get; init; }

    /// <summary>Null when the cell was empty: a new member is Unknown, an updated one keeps theirs.</summary>
    public Gender? Gender { get; init; }

    public string? Region { get; init; }

    /// <summary>Null when the cell was empty: a new member is C, an updated one keeps theirs.</summary>
    public GrowthLevel? GrowthLevel { get; init; }

    public int? ChannelId { get; init; }

    public IReadOnlyList<int> TagIds { get; init; } = [];

    public int? GroupId { get; init; }

    public bool HasError(ImportColumn column) => Errors.Any(e => e.Column == column);
}

/// <summary>What an import would do, row by row, with the counts the page shows. Nothing is written to make it.</summary>
public sealed class ImportPreview
{
    public required CsvMemberFile File { get; init; }

    public required ImportReference Reference { get; init; }

    public required DuplicatePolicy Policy { get; init; }

    public required IReadOnlyList<PlannedRow> Rows { get; init; }

    private int[]? _counts;

    public int New => Count(RowAction.New);

    public int Update => Count(RowAction.Update);

    public int Skip => Count(RowAction.Skip);

    public int Error => Count(RowAction.Error);

    /// <summary>Every row and cell problem, in row then column order.</summary>
    public IEnumerable<ImportCellError> Errors => Rows.SelectMany(r => r.Errors);

    public bool CanImport => File.FileErrors.Count == 0 && Error == 0 && New + Update > 0;

    private int Count(RowAction action)
    {
        if (_counts is null)
        {
            var counts = new int[4];
            foreach (var row in Rows)
            {
                counts[(int)row.Action]++;
            }
            _counts = counts;
        }
        return _counts[(int)action];
    }
}

/// <summary>
/// The finished import: created, updated and skipped rows; the numbers given; the tag that marks the batch; how long it
/// took, and how long of that it held the database's write lock (every other writer waited that long).
/// </summary>
public sealed record ImportResult(int Created, int Updated, int Skipped, int? FirstMemberNo, int? LastMemberNo, int BatchTagId, string BatchTagName,
    TimeSpan Elapsed, TimeSpan WriteLockHeld);
