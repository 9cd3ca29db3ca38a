using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace CommunityPortal.Data;

internal static class SaveChangesGuard
{
    /// <summary>
    /// Saves, turning a lost concurrency race (including a parent deleted or a child added meanwhile, caught by a
    /// foreign key) into <see cref="ConcurrencyConflictException"/> and a unique-index
    /// race (two people creating the same name at once) into a validation error on <paramref name="uniqueField"/>.
    /// </summary>
    public static async Task SaveAsync(this PortalDbContext db, string conflictMessage, string? uniqueField, Func<string>? uniqueMessage, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(conflictMessage);
        }
        catch (DbUpdateException ex) when (uniqueField is not null && uniqueMessage is not null && IsUniqueViolation(ex))
        {
            throw new PortalValidationException(new Dictionary<string, string[]> { [uniqueField] = [uniqueMessage()] });
        }
        catch (DbUpdateException ex) when (IsForeignKeyViolation(ex))
        {
            // Someone deleted the parent, or added a child, between our check and our write: a race, not a 500.
            throw new ConcurrencyConflictException(conflictMessage);
        }
    }

    /// <summary>Makes the UPDATE check the version the user saw, not the one just loaded.</summary>
    public static void ExpectVersion<T>(this PortalDbContext db, T entity, int expectedVersion, string conflictMessage)
        where T : Entity
    {
        if (entity.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException(conflictMessage);
        }
        db.Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
    }

    private static bool IsForeignKeyViolation(DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("FOREIGN KEY", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || ex.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}
