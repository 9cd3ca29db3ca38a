using System.Globalization;
using System.Text;
using CommunityPortal.Features.Indices.Queries;
using CommunityPortal.Infrastructure.Csv;
using Microsoft.AspNetCore.Mvc;

namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>
/// GET /indices/{view}/{table}.csv?{the page's filter}: the table under a chart, as the page shows it (same question, same
/// model, <see cref="IndexTable"/>), written as the portal's other exports are: UTF-8 with a byte-order mark for Excel in
/// China, CRLF lines, cells neutralised against formulas (<see cref="CsvCells"/>). A bad filter is a 400 naming the field.
/// </summary>
public static class DashboardCsv
{
    public const string Route = "/indices/{view}/{table}.csv";

    /// <summary>"indices/daily/daily.csv?from=…" (base-relative, as the page links it).</summary>
    public static string Href(IIndexView view, string table, DashboardFilter filter) =>
        $"indices/{view.Name}/{table}.csv{filter.ToQueryString()}";

    public static IEndpointRouteBuilder MapDashboardCsv(this IEndpointRouteBuilder app)
    {
        // IIndexQueries from the services at the request (not a constructor): the app starts, and its other pages work,
        // while no implementation is registered.
        app.MapGet(Route, async (string view, string table, HttpContext http, [FromServices] IIndexQueries queries, DashboardLabels labels,
                TimeProvider clock) =>
            {
                if (DashboardViews.Find(view) is not { } found)
                {
                    return Results.NotFound();
                }
                var filter = DashboardFilter.Parse(http.Request.QueryString.Value);
                IndexFilter question;
                IReadOnlyList<IndexTable> tables;
                try
                {
                    question = filter.Check(found, DashboardFilter.Today(clock), labels.Errors());
                    tables = await found.TablesAsync(queries, question, labels, http.RequestAborted);
                }
                catch (PortalValidationException ex)
                {
                    return Results.ValidationProblem(ex.Errors.ToDictionary(e => e.Key, e => e.Value));
                }
                return tables.FirstOrDefault(t => t.Key == table) is { } chosen
                    ? Results.File(Write(chosen), "text/csv; charset=utf-8", FileName(chosen, found, question))
                    : Results.NotFound();
            })
            .RequireAuthorization(Policies.Edit)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The whole file: a dashboard's table is small (a row a day of at most 366 days, a row a channel or group).</summary>
    public static byte[] Write(IndexTable table)
    {
        var lines = new StringBuilder();
        CsvCells.AppendLine(lines, table.Columns.Select(c => c.Header));
        foreach (var row in table.Rows)
        {
            CsvCells.AppendLine(lines, table.Columns.Select((c, i) => IndexCells.Csv(c.Kind, row[i])));
        }
        return [.. CsvCells.Bom.Span, .. Encoding.UTF8.GetBytes(lines.ToString())];
    }

    /// <summary>"daily-20261104-20261203.csv"; "retention-shares-series-3.csv" where the range does not apply.</summary>
    public static string FileName(IndexTable table, IIndexView view, IndexFilter filter) =>
        view.Controls.HasFlag(DashboardControls.Range)
            ? string.Create(CultureInfo.InvariantCulture, $"{table.Key}-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv")
            : string.Create(CultureInfo.InvariantCulture, $"{table.Key}-series-{filter.SeriesId}.csv");
}
