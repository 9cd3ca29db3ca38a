using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;
using CommunityPortal.Data;
using CommunityPortal.Features.Matrix;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.GroupQrs;

/// <summary>
/// 群二维码: upload (the server reads the QR code in the image itself and keeps it only when it is a WeChat group
/// invite; size, PNG/JPEG bytes and expiry are checked too), replacement in one transaction so the next read sees the
/// new QR, history, images and expiry changes. Nothing a client says the image holds is trusted (docs/adr/023).
/// </summary>
public sealed class GroupQrService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStringLocalizer<GroupQrText> text,
    DomainEventBus events,
    GroupQrReader reader)
{
    public const string FileField = "File";
    public const string PayloadField = "Payload";
    public const string ExpiresAtField = "ExpiresAt";

    /// <summary>
    /// Reads the image's QR code and stores it as the group's new current QR: the previous current one is marked replaced
    /// in the same transaction. <paramref name="claimedPayload"/> is what an API client says the image holds: never
    /// stored, only compared, so a client that attached the wrong screenshot hears of it.
    /// </summary>
    public async Task<GroupQrDto> UploadAsync(int groupId, byte[] image, DateTime? expiresAt, string? userId,
        string? claimedPayload = null, CancellationToken ct = default)
    {
        var now = DateTime.UtcNow;
        var expiry = expiresAt is { } requested ? ToUtc(requested) : now + GroupQr.DefaultLifetime;
        var errors = new Dictionary<string, string[]>();
        var (payload, fileError) = await ReadInviteAsync(image, ct);
        if (fileError is not null)
        {
            errors[FileField] = [fileError];
        }
        if (payload is not null && !string.IsNullOrWhiteSpace(claimedPayload) && claimedPayload.Trim() != payload)
        {
            errors[PayloadField] = [text["Error.PayloadMismatch", claimedPayload.Trim(), payload]];
        }
        if (GroupQrRules.CheckExpiry(expiry, now) is { } expiryError)
        {
            errors[ExpiresAtField] = [Message(expiryError, null)];
        }
        if (errors.Count > 0)
        {
            throw new PortalValidationException(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.Set<Group>().AnyAsync(g => g.Id == groupId, ct))
        {
            throw GroupNotFound(groupId);
        }
        var current = await db.Set<GroupQr>().Where(q => q.GroupId == groupId && q.ReplacedAt == null).ToListAsync(ct);
        foreach (var old in current)
        {
            old.ReplacedAt = now;
        }
        // The replaced row must leave the "one current QR per group" index before the new one enters it.
        await db.SaveAsync(text["Error.Conflict"], null, null, ct);
        var qr = new GroupQr
        {
            GroupId = groupId,
            Payload = payload!,
            Image = image,
            ImageContentType = GroupQrRules.ContentTypeOf(image)!,
            UploadedAt = now,
            ExpiresAt = expiry,
            UploadedById = await KnownUserAsync(db, userId, ct),
        };
        db.Add(qr);
        await SaveUniqueAsync(db, ct);
        await transaction.CommitAsync(ct);
        events.Publish([new GroupQrChanged(groupId, qr.Id)]);
        return (await FindAsync(q => q.Id == qr.Id, ct)).Single();
    }

    /// <summary>
    /// What the image's QR code holds when it is a group invite: the panel shows it before anything is stored. Refused on
    /// <see cref="FileField"/> otherwise. <see cref="UploadAsync"/> reads the image again; this answer is only a preview.
    /// </summary>
    public async Task<string> ReadAsync(byte[] image, CancellationToken ct = default)
    {
        var (invite, error) = await ReadInviteAsync(image, ct);
        return invite ?? throw new PortalValidationException(new Dictionary<string, string[]> { [FileField] = [error!] });
    }

    /// <summary>The group invite the image's QR code holds, or why there is none (the file's message).</summary>
    private async Task<(string? Invite, string? Error)> ReadInviteAsync(byte[] image, CancellationToken ct)
    {
        if (GroupQrRules.CheckImage(image) is { } imageError)
        {
            return (null, Message(imageError, image.Length));
        }
        var read = await reader.ReadAsync(image, ct);
        var error = read.Status switch
        {
            QrReadStatus.NotAnImage => text["Error.NotAnImage"],
            QrReadStatus.TooManyPixels => text["Error.TooManyPixels", read.Width, read.Height, GroupQrReader.MaxPixels / 1_000_000],
            QrReadStatus.NoQrCode => text["Error.NoQrFound"],
            _ => GroupQrRules.CheckPayload(read.Text) is { } payloadError ? Message(payloadError, read.Text) : null,
        };
        return error is null ? (read.Text!.Trim(), null) : (null, error);
    }

    /// <summary>An upload too large to be read at all (the API's form limit): the file's message, with its size when known.</summary>
    public PortalValidationException TooLargeToRead(long? bytes) => new(new Dictionary<string, string[]>
    {
        [FileField] = [bytes is { } size ? Message("Error.FileTooLarge", size) : text["Error.FileOverLimit", FormatLimit()]],
    });

    /// <summary>The group's current QR, or null when it has none. Throws NotFound for an unknown group.</summary>
    public async Task<GroupQrDto?> GetCurrentAsync(int groupId, CancellationToken ct = default)
    {
        var current = await FindAsync(q => q.GroupId == groupId && q.ReplacedAt == null, ct);
        if (current.Count == 0)
        {
            await EnsureGroupAsync(groupId, ct);
        }
        return current.SingleOrDefault();
    }

    /// <summary>The current QR of each given group that has one (for routing: one query, no image bytes).</summary>
    public async Task<IReadOnlyDictionary<int, GroupQrDto>> CurrentByGroupAsync(IReadOnlyCollection<int> groupIds, CancellationToken ct = default)
    {
        var ids = groupIds.Distinct().ToList();
        var current = await FindAsync(q => ids.Contains(q.GroupId) && q.ReplacedAt == null, ct);
        return current.ToDictionary(q => q.GroupId);
    }

    /// <summary>Every QR the group had, current first, then replaced ones newest first.</summary>
    public async Task<IReadOnlyList<GroupQrDto>> HistoryAsync(int groupId, CancellationToken ct = default)
    {
        await EnsureGroupAsync(groupId, ct);
        var all = await FindAsync(q => q.GroupId == groupId, ct);
        return [.. all.OrderBy(q => q.ReplacedAt is null ? 0 : 1).ThenByDescending(q => q.UploadedAt).ThenByDescending(q => q.Id)];
    }

    public async Task<GroupQrOverview> OverviewAsync(int groupId, CancellationToken ct = default)
    {
        var all = await HistoryAsync(groupId, ct);
        return new GroupQrOverview(groupId, all.FirstOrDefault(q => q.IsCurrent), [.. all.Where(q => !q.IsCurrent)]);
    }

    public async Task<GroupQrImage> GetImageAsync(int qrId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<GroupQr>().AsNoTracking().Where(q => q.Id == qrId)
                .Select(q => new GroupQrImage(q.GroupId, q.Image, q.ImageContentType)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(text["Error.QrNotFound", qrId]);
    }

    /// <summary>Moves the expiry of a QR (in the future, at most 30 days ahead).</summary>
    public async Task<GroupQrDto> SetExpiryAsync(int qrId, DateTime expiresAt, CancellationToken ct = default)
    {
        var expiry = ToUtc(expiresAt);
        if (GroupQrRules.CheckExpiry(expiry, DateTime.UtcNow) is { } error)
        {
            throw new PortalValidationException(new Dictionary<string, string[]> { [ExpiresAtField] = [Message(error, null)] });
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var qr = await db.Set<GroupQr>().FirstOrDefaultAsync(q => q.Id == qrId, ct)
            ?? throw new NotFoundException(text["Error.QrNotFound", qrId]);
        qr.ExpiresAt = expiry;
        await db.SaveAsync(text["Error.Conflict"], null, null, ct);
        events.Publish([new GroupQrChanged(qr.GroupId, qr.Id)]);
        return (await FindAsync(q => q.Id == qrId, ct)).Single();
    }

    private async Task<List<GroupQrDto>> FindAsync(System.Linq.Expressions.Expression<Func<GroupQr, bool>> filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<GroupQr>().AsNoTracking().Where(filter)
            .Select(q => new GroupQrDto(
                q.Id,
                q.GroupId,
                q.Payload,
                q.ImageContentType,
                q.Image.Length,
                q.UploadedAt,
                q.ExpiresAt,
                q.UploadedById,
                db.Users.Where(u => u.Id == q.UploadedById).Select(u => u.DisplayName ?? u.Email).FirstOrDefault(),
                q.ReplacedAt))
            .ToListAsync(ct);
    }

    private async Task EnsureGroupAsync(int groupId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Group>().AnyAsync(g => g.Id == groupId, ct))
        {
            throw GroupNotFound(groupId);
        }
    }

    /// <summary>API keys are not portal users: their uploads are recorded without an uploader.</summary>
    private static async Task<string?> KnownUserAsync(PortalDbContext db, string? userId, CancellationToken ct) =>
        userId is not null && await db.Users.AnyAsync(u => u.Id == userId, ct) ? userId : null;

    /// <summary>Two uploads for one group at once: the loser gets a conflict, never a second current QR.</summary>
    private async Task SaveUniqueAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveAsync(text["Error.Conflict"], null, null, ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true)
        {
            throw new ConcurrencyConflictException(text["Error.Conflict"]);
        }
    }

    private string Message(string key, object? arg) => key switch
    {
        "Error.FileTooLarge" => text[key, FormatSize(arg is long size ? size : arg is int small ? small : 0), FormatLimit()],
        "Error.WebPage" => text[key, arg?.ToString()?.Trim() ?? ""],
        "Error.PayloadTooLong" => text[key, GroupQr.PayloadMax],
        "Error.ExpiryTooFar" => text[key, (int)GroupQrRules.MaxLifetime.TotalDays],
        _ => text[key],
    };

    private static string FormatSize(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";

    private static string FormatLimit() => $"{GroupQr.MaxImageBytes / 1024 / 1024} MB";

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    private NotFoundException GroupNotFound(int groupId) => new(text["Error.GroupNotFound", groupId]);
}
