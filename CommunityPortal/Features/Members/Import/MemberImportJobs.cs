using System.Collections.Concurrent;
using System.Globalization;
using CommunityPortal.Infrastructure.Validation;
using Microsoft.Extensions.Localization;

namespace CommunityPortal.Features.Members.Import;

/// <summary>
/// Imports run here, one per user, on the thread pool in their own service scope: not on a circuit, so a big import
/// neither blocks the page's rendering nor ends with the circuit. A reloaded page finds the user's import again and
/// shows its progress or result. Stopping the portal cancels running imports (they roll back).
/// </summary>
public sealed class MemberImportJobs(IServiceScopeFactory scopes, IStringLocalizer<ImportText> text, ILogger<MemberImportJobs> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, ImportJob> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The user's running or last finished import, until they dismiss it.</summary>
    public ImportJob? Find(string userId) => _jobs.GetValueOrDefault(userId);

    /// <summary>Starts the import of a preview that can be imported; refused while the user has one running.</summary>
    public ImportJob Start(string userId, ImportPreview preview, MemberActor actor)
    {
        if (!preview.CanImport)
        {
            throw new ConflictException(text["Import.NotReady"]);
        }
        ImportJob job;
        lock (_gate)
        {
            if (_jobs.TryGetValue(userId, out var running) && running.IsRunning)
            {
                throw new ConflictException(text["Import.AlreadyRunning"]);
            }
            job = new ImportJob(userId, preview.File.FileName, preview.New + preview.Update);
            _jobs[userId] = job;
        }
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        job.Completion = Task.Run(() => RunAsync(job, preview, actor, culture, uiCulture));
        return job;
    }

    /// <summary>Forgets the user's finished import, so the page starts over.</summary>
    public void Dismiss(string userId)
    {
        lock (_gate)
        {
            if (_jobs.TryGetValue(userId, out var job) && !job.IsRunning)
            {
                _jobs.TryRemove(userId, out _);
            }
        }
    }

    private async Task RunAsync(ImportJob job, ImportPreview preview, MemberActor actor, CultureInfo culture, CultureInfo uiCulture)
    {
        // Messages and the batch tag's name in the importing user's language.
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var importer = ActivatorUtilities.GetServiceOrCreateInstance<MemberImporter>(scope.ServiceProvider);
            var result = await importer.ImportAsync(preview, actor, job, job.Token);
            job.Finish(ImportJobState.Succeeded, result);
        }
        catch (Exception) when (job.CancelRequested)
        {
            job.Finish(ImportJobState.Cancelled);
        }
        catch (ConflictException ex)
        {
            job.Finish(ImportJobState.Failed, error: ex.Message);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Member import of {File} by {Actor} failed; rolled back", job.FileName, actor.StoredName);
            job.Finish(ImportJobState.Failed, error: text["Import.Failed", ex.Message]);
        }
    }

    public void Dispose()
    {
        var running = _jobs.Values.Where(j => j.IsRunning).ToList();
        running.ForEach(j => j.Cancel());
        Task.WaitAll([.. running.Select(j => j.Completion)], TimeSpan.FromSeconds(10));
    }
}
