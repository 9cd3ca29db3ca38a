using Microsoft.AspNetCore.Components;

namespace CommunityPortal.Features.Members.Import;

/// <summary>Pages through the rows in memory; with errors in the file it starts on the rows that have them.</summary>
public sealed partial class ImportPreviewTable
{
    public const int PageSize = 50;

    private ImportPreview? shownFor;
    private IReadOnlyList<PlannedRow> shown = [];
    private IReadOnlyList<ImportColumn> columns = [];
    private bool onlyProblems;
    private int page;

    [Parameter, EditorRequired] public ImportPreview Preview { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(shownFor, Preview))
        {
            return;
        }
        shownFor = Preview;
        columns = [.. ImportColumns.All.Where(Preview.File.Headers.ContainsKey)];
        onlyProblems = Preview.Error > 0;
        Filter();
    }

    private IEnumerable<PlannedRow> PageRows => shown.Skip(page * PageSize).Take(PageSize);

    private int Pages => (shown.Count + PageSize - 1) / PageSize;

    private void OnlyProblemsChanged(bool value)
    {
        onlyProblems = value;
        Filter();
    }

    /// <summary>The cell's problems in one line (its tooltip), or null when it has none.</summary>
    private static string? Problems(PlannedRow row, ImportColumn column) =>
        row.HasError(column) ? string.Join(" ", row.Errors.Where(e => e.Column == column).Select(e => e.Message)) : null;

    private void Filter()
    {
        shown = onlyProblems ? [.. Preview.Rows.Where(r => r.Errors.Count > 0)] : Preview.Rows;
        page = 0;
    }
}
