using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Api;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Matrix.Themes;

public static class ThemesApi
{
    public static IEndpointRouteBuilder MapThemesApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/themes").WithTags("Themes");
        api.MapGet("/", ListThemes).RequireAuthorization(Policies.Read);
        api.MapGet("/{id:int}", GetTheme).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", CreateTheme).RequireAuthorization(Policies.Edit).ProducesValidationProblem();
        api.MapPut("/{id:int}", UpdateTheme).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:int}/archive", ArchiveTheme).RequireAuthorization(Policies.Manage).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:int}/restore", RestoreTheme).RequireAuthorization(Policies.Manage).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/{id:int}", DeleteTheme).RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return v1;
    }

    public static async Task<Ok<List<ThemeResponse>>> ListThemes(ThemeService themes, bool includeArchived = false, CancellationToken ct = default) =>
        TypedResults.Ok((await themes.ListAsync(includeArchived, ct)).Select(ThemeResponse.From).ToList());

    public static async Task<Ok<ThemeResponse>> GetTheme(int id, ThemeService themes, CancellationToken ct) =>
        TypedResults.Ok(ThemeResponse.From(await themes.GetAsync(id, ct)));

    public static async Task<Created<ThemeResponse>> CreateTheme(ThemeRequest request, ThemeService themes, CancellationToken ct)
    {
        var theme = ThemeResponse.From(await themes.CreateAsync(request.ToInput(), ct));
        return TypedResults.Created($"{ApiSetup.Prefix}/themes/{theme.Id}", theme);
    }

    public static async Task<Ok<ThemeResponse>> UpdateTheme(
        int id, ThemeRequest request, ThemeService themes, IStringLocalizer<ValidationText> validation, CancellationToken ct) =>
        TypedResults.Ok(ThemeResponse.From(await themes.UpdateAsync(id, request.ToInput(), ApiInput.RequireVersion(request.Version, validation), ct)));

    public static async Task<Ok<ThemeResponse>> ArchiveTheme(int id, ThemeService themes, CancellationToken ct)
    {
        await themes.SetArchivedAsync(id, archived: true, ct);
        return TypedResults.Ok(ThemeResponse.From(await themes.GetAsync(id, ct)));
    }

    public static async Task<Ok<ThemeResponse>> RestoreTheme(int id, ThemeService themes, CancellationToken ct)
    {
        await themes.SetArchivedAsync(id, archived: false, ct);
        return TypedResults.Ok(ThemeResponse.From(await themes.GetAsync(id, ct)));
    }

    public static async Task<NoContent> DeleteTheme(int id, ThemeService themes, CancellationToken ct)
    {
        await themes.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }
}
