using Microsoft.AspNetCore.Components;

namespace CommunityPortal.Components.Shared;

/// <summary>A component a feature puts into a named place on another feature's page.</summary>
public sealed record SlotEntry(string Slot, Type Component, int Order);

/// <summary>
/// Lets a page offer places ("slots") that other features fill, so the page's feature does not have to know them: the
/// group page shows the group QR and member panels, the matrix tree the sign-ups link, without Matrix referencing
/// GroupQrs, Members or Signups (docs/adr/030).
/// </summary>
public static class SlotRegistration
{
    /// <summary>Renders <typeparamref name="TComponent"/> in every <see cref="Slot"/> named <paramref name="slot"/>, by order.</summary>
    public static IServiceCollection AddSlot<TComponent>(this IServiceCollection services, string slot, int order)
        where TComponent : IComponent =>
        services.AddSingleton(new SlotEntry(slot, typeof(TComponent), order));
}
