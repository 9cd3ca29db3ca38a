using System.Globalization;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>How a column's values read: the page formats them for people, the CSV for spreadsheets.</summary>
public enum CellKind
{
    Text,
    Date,
    Count,
    Percent,
    Money,
    Number,
}

/// <summary>A column; <see cref="Heat"/> columns are shaded by value (the retention matrix, the hours grid).</summary>
public sealed record IndexColumn(string Header, CellKind Kind, bool Heat = false);

/// <summary>A column of <typeparamref name="TRow"/> and how to read its value.</summary>
public sealed record IndexColumn<TRow>(IndexColumn Column, Func<TRow, object?> Value)
{
    public IndexColumn(string header, CellKind kind, Func<TRow, object?> value, bool heat = false) : this(new IndexColumn(header, kind, heat), value)
    {
    }
}

/// <summary>
/// A table as the page shows it under a chart and as its CSV download writes it: one model for both, so the file holds
/// exactly what is on the screen. Cells are int, double, decimal, string or DateOnly values, null for "no value".
/// </summary>
public sealed record IndexTable(string Key, string Title, IReadOnlyList<IndexColumn> Columns, IReadOnlyList<IndexRow> Rows)
{
    public static IndexTable Of<TRow>(string key, string title, IEnumerable<TRow> rows, params IReadOnlyList<IndexColumn<TRow>> columns) =>
        new(key, title, [.. columns.Select(c => c.Column)], [.. rows.Select(r => new IndexRow([.. columns.Select(c => c.Value(r))]))]);

    /// <summary>The largest value in the shaded columns (1 when there is none), which the fullest shade stands for.</summary>
    public double HeatMax()
    {
        var max = 0.0;
        foreach (var row in Rows)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                if (Columns[i].Heat && IndexCells.Number(row[i]) is { } value)
                {
                    max = Math.Max(max, value);
                }
            }
        }
        return max > 0 ? max : 1;
    }
}

/// <summary>A row's cells, in the order of the table's columns.</summary>
public sealed record IndexRow(IReadOnlyList<object?> Cells)
{
    public object? this[int column] => Cells[column];
}

/// <summary>Cell values as text: for people in the current culture, for CSV in the invariant one (no grouping, dot decimals).</summary>
public static class IndexCells
{
    /// <summary>What an empty cell shows: a dash, never a zero that looks like a fact.</summary>
    public const string None = "—";

    /// <summary>Each numeric kind's format for people (current culture) and for CSV (invariant).</summary>
    private static readonly Dictionary<CellKind, (string Display, string Csv)> Formats = new()
    {
        [CellKind.Count] = ("N0", "0"),
        [CellKind.Percent] = ("P1", "0.####"),
        [CellKind.Money] = ("N2", "0.00"),
        [CellKind.Number] = ("N2", "0.####"),
    };

    public static string Display(CellKind kind, object? value) =>
        Text(value, Formats.GetValueOrDefault(kind).Display, CultureInfo.CurrentCulture, None, DashboardLabels.Date);

    public static string Csv(CellKind kind, object? value) =>
        Text(value, Formats.GetValueOrDefault(kind).Csv, CultureInfo.InvariantCulture, "", d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string Text(object? value, string? format, CultureInfo culture, string none, Func<DateOnly, string> date) => value switch
    {
        null => none,
        DateOnly day => date(day),
        string text => text,
        decimal money => money.ToString(format, culture),
        _ when Number(value) is { } number => number.ToString(format, culture),
        _ => Convert.ToString(value, culture) ?? "",
    };

    /// <summary>One comparable type a column (no value sorts first): numbers as double, dates, text.</summary>
    public static object SortKey(CellKind kind, object? value) => kind switch
    {
        CellKind.Text => value as string ?? "",
        CellKind.Date => value as DateOnly? ?? DateOnly.MinValue,
        _ => Number(value) ?? double.NegativeInfinity,
    };

    public static double? Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        double d => d,
        decimal m => (double)m,
        _ => null,
    };
}
