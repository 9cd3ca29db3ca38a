
namespace CommunityPortal.Infrastructure.Validation;

/// <summary>Input was refused. Keys are input property names (PascalCase); messages are already localized.</summary>
public sealed class PortalValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception(string.Join(" ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The item does not exist (or is not visible): 404, never 500.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Someone else saved the item since it was loaded.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);

/// <summary>The operation is not allowed in the item's current state (e.g. deleting a non-empty theme).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The person may not do this to this item (e.g. ticking another operator's task): 403.</summary>
public sealed class ForbiddenActionException(string message) : Exception(message);

/// <summary>Not available yet (e.g. figures still being computed after a start): 503, try again shortly.</summary>
public sealed class NotReadyException(string message) : Exception(message);
