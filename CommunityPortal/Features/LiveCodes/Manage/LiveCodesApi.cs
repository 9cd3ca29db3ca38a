using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Infrastructure.Api;
using CommunityPortal.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Stats;
namespace CommunityPortal.Features.LiveCodes.Manage;

/// <summary>/api/v1/livecodes (with pool and channel codes) and /api/v1/channels.</summary>
public static class LiveCodesApi
{
    public static IEndpointRouteBuilder MapLiveCodesApi(this IEndpointRouteBuilder v1)
    {
        var api = v1.MapGroup("/livecodes").WithTags("Live codes");
        api.MapGet("/", List).RequireAuthorization(Policies.Read);
        api.MapGet("/{id:int}", Get).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/", Create).RequireAuthorization(Policies.Edit).ProducesValidationProblem();
        api.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/{id:int}/pool", SetPool).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/{id:int}", Delete).RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/{id:int}/channel-codes", ListCodes).RequireAuthorization(Policies.Read);
        api.MapPost("/{id:int}/channel-codes", CreateCode).RequireAuthorization(Policies.Edit).ProducesValidationProblem();
        api.MapDelete("/{id:int}/channel-codes/{codeId:int}", DeleteCode).RequireAuthorization(Policies.Edit)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapLiveCodeStatsApi();

        var channels = v1.MapGroup("/channels").WithTags("Channels");
        channels.MapGet("/", ListChannels).RequireAuthorization(Policies.Read);
        channels.MapGet("/{id:int}", GetChannel).RequireAuthorization(Policies.Read).ProducesProblem(StatusCodes.Status404NotFound);
        channels.MapPost("/", CreateChannel).RequireAuthorization(Policies.Edit).ProducesValidationProblem();
        channels.MapPut("/{id:int}", UpdateChannel).RequireAuthorization(Policies.Edit).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        channels.MapDelete("/{id:int}", DeleteChannel).RequireAuthorization(Policies.Manage)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return v1;
    }

    public static async Task<Ok<List<LiveCodeResponse>>> List(LiveCodeService codes, CancellationToken ct)
    {
        var list = new List<LiveCodeResponse>();
        foreach (var summary in await codes.ListAsync(ct))
        {
            list.Add(LiveCodeResponse.From(await codes.GetAsync(summary.Id, ct)));
        }
        return TypedResults.Ok(list);
    }

    public static async Task<Ok<LiveCodeResponse>> Get(int id, LiveCodeService codes, CancellationToken ct) =>
        TypedResults.Ok(LiveCodeResponse.From(await codes.GetAsync(id, ct)));

    public static async Task<Created<LiveCodeResponse>> Create(LiveCodeRequest request, LiveCodeService codes, CancellationToken ct)
    {
        var code = LiveCodeResponse.From(await codes.CreateAsync(request.ToInput(), ct));
        return TypedResults.Created($"{ApiSetup.Prefix}/livecodes/{code.Id}", code);
    }

    public static async Task<Ok<LiveCodeResponse>> Update(
        int id, LiveCodeRequest request, LiveCodeService codes, IStringLocalizer<ValidationText> validation, CancellationToken ct) =>
        TypedResults.Ok(LiveCodeResponse.From(await codes.UpdateAsync(id, request.ToInput(), ApiInput.RequireVersion(request.Version, validation), ct)));

    public static async Task<Ok<LiveCodeResponse>> SetPool(
        int id, PoolRequest request, LiveCodeService codes, IStringLocalizer<ValidationText> validation, CancellationToken ct)
    {
        var entries = (request.Entries ?? []).Select(e => new PoolEntryInput(e.GroupId, e.Threshold)).ToList();
        return TypedResults.Ok(LiveCodeResponse.From(await codes.SetPoolAsync(id, entries, ApiInput.RequireVersion(request.Version, validation), ct)));
    }

    public static async Task<NoContent> Delete(int id, LiveCodeService codes, CancellationToken ct)
    {
        await codes.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<ChannelCodeResponse>>> ListCodes(int id, LiveCodeService codes, ChannelService channels, CancellationToken ct)
    {
        var code = await codes.GetAsync(id, ct);
        return TypedResults.Ok((await channels.ListCodesAsync(id, ct)).Select(c => Response(c, code.Slug)).ToList());
    }

    public static async Task<Created<ChannelCodeResponse>> CreateCode(
        int id, ChannelCodeRequest request, LiveCodeService codes, ChannelService channels, CancellationToken ct)
    {
        var created = await channels.CreateCodeAsync(id, request.ChannelId, ct);
        var code = await codes.GetAsync(id, ct);
        return TypedResults.Created($"{ApiSetup.Prefix}/livecodes/{id}/channel-codes/{created.Id}", Response(created, code.Slug));
    }

    public static async Task<NoContent> DeleteCode(
        int id, int codeId, ChannelService channels, IStringLocalizer<LiveCodeText> text, CancellationToken ct)
    {
        if (!(await channels.ListCodesAsync(id, ct)).Any(c => c.Id == codeId))
        {
            throw new NotFoundException(text["ChannelCodeNotFound"]);
        }
        await channels.DeleteCodeAsync(codeId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<ChannelResponse>>> ListChannels(ChannelService channels, CancellationToken ct) =>
        TypedResults.Ok((await channels.ListAsync(ct)).Select(ChannelResponse.From).ToList());

    public static async Task<Ok<ChannelResponse>> GetChannel(int id, ChannelService channels, CancellationToken ct) =>
        TypedResults.Ok(ChannelResponse.From(await channels.GetAsync(id, ct)));

    public static async Task<Created<ChannelResponse>> CreateChannel(ChannelRequest request, ChannelService channels, CancellationToken ct)
    {
        var channel = ChannelResponse.From(await channels.CreateAsync(request.ToInput(), ct));
        return TypedResults.Created($"{ApiSetup.Prefix}/channels/{channel.Id}", channel);
    }

    public static async Task<Ok<ChannelResponse>> UpdateChannel(
        int id, ChannelRequest request, ChannelService channels, IStringLocalizer<ValidationText> validation, CancellationToken ct) =>
        TypedResults.Ok(ChannelResponse.From(await channels.UpdateAsync(id, request.ToInput(), ApiInput.RequireVersion(request.Version, validation), ct)));

    public static async Task<NoContent> DeleteChannel(int id, ChannelService channels, CancellationToken ct)
    {
        await channels.DeleteAsync(id, ct);
        return TypedResults.NoContent();
    }

    private static ChannelCodeResponse Response(ChannelCodeDto c, string slug) =>
        new(c.Id, c.LiveCodeId, c.ChannelId, c.ChannelName, c.Key, $"/q/{slug}?c={c.Key}");
}
