using System.Data.Common;
using System.Text.RegularExpressions;

namespace CommunityPortal.Data.Migrations;

/// <summary>
/// A SQLite schema as sorted lines (every table's columns, key, foreign keys and indexes, and any view or trigger),
/// so two databases compare by what matters and not by column order or whitespace. EF's own tables are left out.
/// </summary>
internal static partial class SqliteSchema
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(DbConnection connection, CancellationToken ct = default)
    {
        var objects = await RowsAsync(connection,
            "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master " +
            "WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!' AND substr(name, 1, 4) <> '__EF' ORDER BY name", ct);
        var lines = new List<string>();
        foreach (var table in objects.Where(o => o[0] == "table").Select(o => o[1]))
        {
            lines.AddRange(await TableAsync(connection, table, objects, ct));
        }
        lines.AddRange(objects.Where(o => o[0] is "view" or "trigger").Select(o => $"{o[2]}: {o[0]} {o[1]}"));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>What <paramref name="actual"/> lacks or has beyond <paramref name="expected"/>, one line each.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
    [
        .. expected.Except(actual, StringComparer.Ordinal).Select(line => "missing " + line),
        .. actual.Except(expected, StringComparer.Ordinal).Select(line => "unexpected " + line),
    ];

    private static async Task<List<string>> TableAsync(DbConnection connection, string table, List<string[]> objects, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var c in await RowsAsync(connection, "SELECT name, type, \"notnull\", coalesce(dflt_value, '-'), pk FROM pragma_table_info(@p)", ct, table))
        {
            lines.Add($"{table}: column {c[0]} {c[1]} {(c[2] == "1" ? "NOT NULL" : "NULL")} default {c[3]} pk {c[4]}");
        }
        var tableSql = objects.Single(o => o[0] == "table" && o[1] == table)[3];
        if (tableSql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase))
        {
            lines.Add($"{table}: autoincrement");
        }
        var foreignKeys = await RowsAsync(connection,
            "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete, match FROM pragma_foreign_key_list(@p) ORDER BY id, seq", ct, table);
        foreach (var fk in foreignKeys.GroupBy(f => f[0]))
        {
            var first = fk.First();
            lines.Add($"{table}: foreign key ({string.Join(", ", fk.Select(f => f[2]))}) -> {first[1]}({string.Join(", ", fk.Select(f => f[3]))}) " +
                $"on update {first[4]} on delete {first[5]} match {first[6]}");
        }
        foreach (var index in await RowsAsync(connection, "SELECT name, \"unique\", origin FROM pragma_index_list(@p)", ct, table))
        {
            var columns = await RowsAsync(connection, "SELECT coalesce(name, '<expression>'), \"desc\", coll FROM pragma_index_xinfo(@p) WHERE key = 1 ORDER BY seqno", ct, index[0]);
            var sql = objects.FirstOrDefault(o => o[0] == "index" && o[1] == index[0])?[3] ?? "";
            lines.Add($"{table}: index {index[0]} {(index[1] == "1" ? "unique " : "")}{index[2]} " +
                $"({string.Join(", ", columns.Select(c => $"{c[0]}{(c[1] == "1" ? " DESC" : "")} {c[2]}"))}){Predicate(sql)}");
        }
        return lines;
    }

    /// <summary>A partial index's WHERE clause, whitespace collapsed (pragmas only say that there is one).</summary>
    private static string Predicate(string createIndexSql)
    {
        var where = createIndexSql.LastIndexOf(" WHERE ", StringComparison.OrdinalIgnoreCase);
        return where < 0 ? "" : " where " + Whitespace().Replace(createIndexSql[(where + 7)..].Trim(), " ");
    }

    private static async Task<List<string[]>> RowsAsync(DbConnection connection, string sql, CancellationToken ct, string? parameter = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is not null)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p";
            p.Value = parameter;
            command.Parameters.Add(p);
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string[]>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "")]);
        }
        return rows;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
