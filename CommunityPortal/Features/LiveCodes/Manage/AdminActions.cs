using CommunityPortal.Infrastructure.Validation;

namespace CommunityPortal.Features.LiveCodes.Manage;

/// <summary>Runs an admin change and turns a service's refusal into one message for the page.</summary>
public static class AdminActions
{
    /// <summary>Returns false (and reports the reason) when the service refused the change.</summary>
    public static async Task<bool> TryAsync(Func<Task> run, Action<string> showMessage)
    {
        try
        {
            await run();
            return true;
        }
        catch (PortalValidationException ex)
        {
            showMessage(string.Join(" ", ex.Errors.Values.SelectMany(m => m)));
            return false;
        }
        catch (Exception ex) when (ex is ConflictException or NotFoundException or ConcurrencyConflictException)
        {
            showMessage(ex.Message);
            return false;
        }
    }
}
