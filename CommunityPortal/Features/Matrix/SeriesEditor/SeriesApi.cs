using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Api;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Matrix.SeriesEditor;

public static class SeriesApi
{
    public static IEndpointRouteBuilder MapSeriesApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/series").WithTags("Series");
        api.MapGet("/", ListSeries).RequireAuthorization(Policies.Read);
        api.MapGet("/{id:int}", GetSeries).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", CreateSeries).RequireAuthorization(Policies.Edit).ProducesValidationProblem();
        api.MapPut("/{id:int}", UpdateSeries).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:int}/archive", ArchiveSeries).RequireAuthorization(Policies.Manage).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:int}/restore", RestoreSeries).RequireAuthorization(Policies.Manage).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:int}", DeleteSeries).RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return v1;
    }

    public static async Task<Ok<List<SeriesResponse>>> ListSeries(
        SeriesService series, int? themeId = null, bool includeArchived = false, CancellationToken ct = default) =>
        TypedResults.Ok((await series.ListAsync(themeId, includeArchived, ct)).Select(SeriesResponse.From).ToList());

    public static async Task<Ok<SeriesResponse>> GetSeries(int id, SeriesService series, CancellationToken ct) =>
        TypedResults.Ok(SeriesResponse.From(await series.GetAsync(id, ct)));

    public static async Task<Created<SeriesResponse>> CreateSeries(SeriesRequest request, SeriesService series, CancellationToken ct)
    {
        var created = SeriesResponse.From(await series.CreateAsync(request.ToInput(), ct));
        return TypedResults.Created($"{ApiSetup.Prefix}/series/{created.Id}", created);
    }

    public static async Task<Ok<SeriesResponse>> UpdateSeries(
        int id, SeriesRequest request, SeriesService series, IStringLocalizer<ValidationText> validation, CancellationToken ct) =>
        TypedResults.Ok(SeriesResponse.From(await series.UpdateAsync(id, request.ToInput(), ApiInput.RequireVersion(request.Version, validation), ct)));

    public static async Task<Ok<SeriesResponse>> ArchiveSeries(int id, SeriesService series, CancellationToken ct)
    {
        await series.SetArchivedAsync(id, archived: true, ct);
        return TypedResults.Ok(SeriesResponse.From(await series.GetAsync(id, ct)));
    }

    public static async Task<Ok<SeriesResponse>> RestoreSeries(int id, SeriesService series, CancellationToken ct)
    {
        await series.SetArchivedAsync(id, archived: false, ct);
        return TypedResults.Ok(SeriesResponse.From(await series.GetAsync(id, ct)));
    }

    public static async Task<NoContent> DeleteSeries(int id, SeriesService series, CancellationToken ct)
    {
        await series.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }
}
