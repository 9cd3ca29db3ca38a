using CommunityPortal.Infrastructure.Validation;

namespace CommunityPortal.Components.Shared;

/// <summary>How every matrix form reacts to a service's refusal.</summary>
public static class FormErrors
{
    /// <summary>
    /// Runs a save. Field errors go under their fields; a conflict, a concurrent change or a vanished item goes
    /// to <paramref name="showMessage"/>. Returns false when the save was refused.
    /// </summary>
    public static async Task<bool> TryAsync(
        Func<Task> save, LocalizedValidator? validator, Action<string> showMessage, Action<string>? showConcurrencyConflict = null)
    {
        try
        {
            await save();
            return true;
        }
        catch (PortalValidationException ex)
        {
            validator?.ShowServerErrors(ex.Errors);
            return false;
        }
        catch (ConcurrencyConflictException ex) when (showConcurrencyConflict is not null)
        {
            showConcurrencyConflict(ex.Message);
            return false;
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException or ConcurrencyConflictException)
        {
            showMessage(ex.Message);
            return false;
        }
    }
}
