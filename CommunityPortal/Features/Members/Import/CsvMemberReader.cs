using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Import;

/// <summary>
/// Reads a member CSV (CsvHelper's parser): decodes it, maps the header to columns, and keeps each row with its Excel
/// row number. Only what can be told from the file itself is checked here; <see cref="ImportPlanner"/> does the rest.
/// </summary>
public static class CsvMemberReader
{
    public const long MaxBytes = 20L * 1024 * 1024;
    public const int MaxRows = 200_000;

    public static CsvMemberFile Read(string fileName, byte[] bytes, EncodingChoice choice, IStringLocalizer<ImportText> text)
    {
        if (bytes.LongLength > MaxBytes)
        {
            return CsvMemberFile.Refused(fileName, bytes.LongLength, choice, TooLarge(bytes.LongLength, text));
        }
        var (content, encoding) = CsvTextEncoding.Decode(bytes, choice);
        if (string.IsNullOrWhiteSpace(content))
        {
            return CsvMemberFile.Refused(fileName, bytes.LongLength, choice, text["File.Empty"]) with { Encoding = encoding };
        }
        var reader = new Reader(content, text);
        return reader.Read() with { FileName = fileName, Size = bytes.LongLength, Encoding = encoding, Choice = choice };
    }

    public static string TooLarge(long size, IStringLocalizer<ImportText> text) =>
        text["File.TooLarge", (size / 1024.0 / 1024.0).ToString("0.0", CultureInfo.CurrentCulture), MaxBytes / 1024 / 1024];

    private sealed class Reader(string content, IStringLocalizer<ImportText> text)
    {
        private readonly List<ImportRow> _rows = [];
        private readonly List<ImportCellError> _errors = [];
        private readonly List<string> _fileErrors = [];
        private string? _badField;

        public CsvMemberFile Read()
        {
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                Delimiter = Delimiter(content),
                // Excel writes an empty row as ",,,"; a truly blank line still takes a row number in Excel's view.
                IgnoreBlankLines = false,
                BadDataFound = args => _badField ??= args.Field,
            };
            using var parser = new CsvParser(new StringReader(content), configuration);
            var row = 1;
            try
            {
                if (!parser.Read())
                {
                    return Result([], [], false);
                }
                var header = parser.Record ?? [];
                var (headers, positions, ignored, memberNo) = MapHeader(header);
                if (!headers.ContainsKey(ImportColumn.Nickname))
                {
                    _fileErrors.Add(header.Any(h => h.Contains('\uFFFD', StringComparison.Ordinal)) ? text["File.Unreadable"] : text["File.NoNickname"]);
                    return Result(headers, ignored, memberNo);
                }
                _badField = null;
                while (parser.Read())
                {
                    row++;
                    var record = parser.Record ?? [];
                    if (record.All(string.IsNullOrWhiteSpace))
                    {
                        _badField = null;
                        continue;
                    }
                    if (_rows.Count == MaxRows)
                    {
                        _fileErrors.Add(text["File.TooManyRows", MaxRows.ToString("N0", CultureInfo.CurrentCulture)]);
                        _rows.Clear();
                        _errors.Clear();
                        break;
                    }
                    AddRow(row, record, header.Length, positions);
                }
                return Result(headers, ignored, memberNo);
            }
            catch (CsvHelperException ex)
            {
                _rows.Clear();
                _errors.Clear();
                _fileErrors.Add(text["File.Malformed", row + 1, ex.GetType().Name]);
                return Result([], [], false);
            }
        }

        private void AddRow(int row, string[] record, int headerLength, IReadOnlyList<(ImportColumn Column, int Index)> positions)
        {
            var cells = new string?[ImportColumns.All.Count];
            foreach (var (column, index) in positions)
            {
                cells[(int)column] = index < record.Length && !string.IsNullOrWhiteSpace(record[index]) ? record[index] : null;
            }
            if (_badField is not null)
            {
                _errors.Add(new ImportCellError(row, null, "", text["Error.BadQuote", Shorten(_badField)]));
                _badField = null;
            }
            if (record.Length > headerLength && record.Skip(headerLength).Any(c => !string.IsNullOrWhiteSpace(c)))
            {
                _errors.Add(new ImportCellError(row, null, "", text["Error.TooManyCells", record.Length, headerLength]));
            }
            _rows.Add(new ImportRow(row, cells));
        }

        private (Dictionary<ImportColumn, string> Headers, List<(ImportColumn, int)> Positions, List<string> Ignored, bool MemberNo) MapHeader(string[] header)
        {
            var headers = new Dictionary<ImportColumn, string>();
            var positions = new List<(ImportColumn, int)>();
            var ignored = new List<string>();
            var memberNo = false;
            for (var i = 0; i < header.Length; i++)
            {
                var name = header[i].Trim().Trim('\uFEFF').Trim();
                if (ImportColumns.Find(name) is { } column)
                {
                    if (headers.TryGetValue(column, out var first))
                    {
                        _fileErrors.Add(text["File.DuplicateColumn", first, name]);
                        continue;
                    }
                    headers[column] = name;
                    positions.Add((column, i));
                }
                else if (ImportColumns.IsMemberNumber(name))
                {
                    memberNo = true;
                }
                else if (name.Length > 0)
                {
                    ignored.Add(name);
                }
            }
            return (headers, positions, ignored, memberNo);
        }

        private CsvMemberFile Result(Dictionary<ImportColumn, string> headers, List<string> ignored, bool memberNo) =>
            new("", 0, CsvEncoding.Utf8, EncodingChoice.Auto, headers, ignored, memberNo, _fileErrors.Count > 0 ? [] : _rows,
                _fileErrors, _fileErrors.Count > 0 ? [] : _errors);

        /// <summary>The header line decides: Excel's "Unicode text" is tab-separated, some locales use semicolons.</summary>
        private static string Delimiter(string content)
        {
            var end = content.IndexOfAny(['\r', '\n']);
            var first = end < 0 ? content : content[..end];
            return first.Contains(',') ? "," : first.Contains('\t') ? "\t" : first.Contains(';') ? ";" : ",";
        }

        private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
    }
}
