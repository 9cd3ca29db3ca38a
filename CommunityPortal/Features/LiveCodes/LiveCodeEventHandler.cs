using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Features.GroupQrs;
using CommunityPortal.Features.Matrix;

using CommunityPortal.Features.LiveCodes.Routing;
namespace CommunityPortal.Features.LiveCodes;

/// <summary>
/// Loads the routing state at start-up and keeps it in step with group changes. Status and member counts from the
/// events apply at once (a group marked Full stops taking people on the next scan); every change then reloads the
/// affected live codes from the database, which also picks up capacity and QR changes.
/// </summary>
internal sealed class LiveCodeEventHandler(
    ILiveCodeRoutingState state,
    DomainEventBus bus,
    ILogger<LiveCodeEventHandler> logger) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.Subscribe(Handle);
        await state.LoadAllAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    private void Handle(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case GroupStatusChanged e:
                state.UpdateGroup(e.GroupId, g => g with { Status = e.NewStatus });
                Reload(e.GroupId);
                break;
            case GroupMemberCountChanged e:
                state.UpdateGroup(e.GroupId, g => g with { MemberCount = e.NewCount });
                Reload(e.GroupId);
                break;
            case GroupUpdated e:
                Reload(e.GroupId);
                break;
            case GroupQrChanged e:
                // A new or replaced QR (or a new expiry): routing reads the group's current QR again.
                Reload(e.GroupId);
                break;
            case GroupDeleted e:
                state.UpdateGroup(e.GroupId, g => g with { Status = GroupStatus.Archived });
                Reload(e.GroupId);
                break;
        }
    }

    private void Reload(int groupId) => _ = Task.Run(async () =>
    {
        try
        {
            await state.InvalidateGroupAsync(groupId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Routing state reload failed for group {GroupId}", groupId);
        }
    });
}
