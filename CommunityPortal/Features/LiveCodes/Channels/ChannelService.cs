using System.Security.Cryptography;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

using CommunityPortal.Features.LiveCodes.Routing;
namespace CommunityPortal.Features.LiveCodes.Channels;

/// <summary>Channels (渠道) and channel codes: a live code published in one channel, scanned as /q/{slug}?c={key}.</summary>
public sealed class ChannelService(
    IDbContextFactory<PortalDbContext> dbFactory,
    ILiveCodeRoutingState routing,
    IStringLocalizer<LiveCodeText> text,
    IStringLocalizer<ValidationText> validationText)
{
    private const string KeyAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private IStringLocalizer<ValidationText> Messages => new FeatureValidationText<LiveCodeText>(validationText, text);

    public async Task<IReadOnlyList<ChannelDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Channel>().AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new ChannelDto(c.Id, c.Name, c.Type, c.Cost, c.Version)).ToListAsync(ct);
    }

    public async Task<ChannelDto> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Channel>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ChannelDto(c.Id, c.Name, c.Type, c.Cost, c.Version)).FirstOrDefaultAsync(ct) ?? throw NotFound();
    }

    public async Task<ChannelDto> CreateAsync(ChannelInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, input, null, ct);
        var channel = new Channel();
        Apply(channel, input);
        db.Add(channel);
        await db.SaveAsync(text["ChannelConflict"], nameof(input.Name), NameTaken, ct);
        db.PublishAfterCommit(new ChannelChanged(channel.Id));
        return await GetAsync(channel.Id, ct);
    }

    public async Task<ChannelDto> UpdateAsync(int id, ChannelInput input, int expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channel = await db.Set<Channel>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound();
        await ValidateAsync(db, input, id, ct);
        db.ExpectVersion(channel, expectedVersion, text["ChannelConflict"]);
        Apply(channel, input);
        await db.SaveAsync(text["ChannelConflict"], nameof(input.Name), NameTaken, ct);
        db.PublishAfterCommit(new ChannelChanged(id));
        return await GetAsync(id, ct);
    }

    /// <summary>A channel that has codes keeps its attribution: it cannot be deleted.</summary>
    public async Task DeleteAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channel = await db.Set<Channel>().FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw NotFound();
        if (await db.Set<ChannelCode>().AnyAsync(c => c.ChannelId == id, ct))
        {
            throw new ConflictException(text["ChannelInUse"]);
        }
        db.Remove(channel);
        await db.SaveAsync(text["ChannelConflict"], null, null, ct);
        db.PublishAfterCommit(new ChannelChanged(id));
    }

    public async Task<IReadOnlyList<ChannelCodeDto>> ListCodesAsync(int liveCodeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
                from code in db.Set<ChannelCode>().AsNoTracking()
                join channel in db.Set<Channel>() on code.ChannelId equals channel.Id
                where code.LiveCodeId == liveCodeId
                orderby channel.Name
                select new ChannelCodeDto(code.Id, code.LiveCodeId, code.ChannelId, channel.Name, code.Key))
            .ToListAsync(ct);
    }

    /// <summary>Publishes a live code in a channel: a new short key, so the channel's poster has its own QR.</summary>
    public async Task<ChannelCodeDto> CreateCodeAsync(int liveCodeId, int channelId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new ValidationErrors(Messages);
        if (!await db.Set<LiveCode>().AnyAsync(c => c.Id == liveCodeId, ct))
        {
            errors.Add("LiveCodeId", "NotFound");
        }
        var channelName = await db.Set<Channel>().Where(c => c.Id == channelId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (channelName is null)
        {
            errors.Add("ChannelId", "NotFound");
        }
        else if (await db.Set<ChannelCode>().AnyAsync(c => c.LiveCodeId == liveCodeId && c.ChannelId == channelId, ct))
        {
            errors.Add("ChannelId", "Unique");
        }
        errors.ThrowIfAny();
        var code = new ChannelCode { LiveCodeId = liveCodeId, ChannelId = channelId, Key = NewKey(), CreatedAt = DateTime.UtcNow };
        db.Add(code);
        await db.SaveAsync(text["ChannelConflict"], "ChannelId", () => Messages["Unique", Messages["Field.ChannelId"]], ct);
        await routing.ReloadAsync(liveCodeId, ct);
        return new ChannelCodeDto(code.Id, liveCodeId, channelId, channelName!, code.Key);
    }

    public async Task DeleteCodeAsync(int codeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await db.Set<ChannelCode>().FirstOrDefaultAsync(c => c.Id == codeId, ct)
            ?? throw new NotFoundException(text["ChannelCodeNotFound"]);
        db.Remove(code);
        await db.SaveAsync(text["ChannelConflict"], null, null, ct);
        await routing.ReloadAsync(code.LiveCodeId, ct);
    }

    /// <summary>8 characters from an alphabet without look-alikes (no l, o, 0, 1): 32^8 keys, typed from a poster.</summary>
    internal static string NewKey() => RandomNumberGenerator.GetString(KeyAlphabet, ChannelCode.KeyLength);

    private static void Apply(Channel channel, ChannelInput input)
    {
        channel.Name = input.Name.Trim();
        channel.Type = input.Type;
        channel.Cost = input.Cost;
    }

    private async Task ValidateAsync(PortalDbContext db, ChannelInput input, int? id, CancellationToken ct)
    {
        var errors = new ValidationErrors(Messages);
        errors.Required(nameof(input.Name), input.Name, Channel.NameMax);
        if (!Enum.IsDefined(input.Type))
        {
            errors.Add(nameof(input.Type), "Invalid");
        }
        if (input.Cost is < 0 or > 100_000_000)
        {
            errors.Add(nameof(input.Cost), "Range", 0, 100_000_000);
        }
        if (!errors.HasErrors)
        {
            var name = input.Name.Trim();
            if (await db.Set<Channel>().AnyAsync(c => c.Name == name && c.Id != id, ct))
            {
                errors.Add(nameof(input.Name), "Unique");
            }
        }
        errors.ThrowIfAny();
    }

    private string NameTaken() => Messages["Unique", Messages["Field.Name"]];

    private NotFoundException NotFound() => new(text["ChannelNotFound"]);
}
