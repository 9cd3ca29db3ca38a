using CommunityPortal.Features.Matrix;
using CommunityPortal.Features.Matrix.Groups;
using CommunityPortal.Features.Matrix.Tree;
using Microsoft.AspNetCore.Components;

namespace CommunityPortal.Features.Matrix.Tree;

public sealed partial class MatrixPage
{
    private readonly MatrixTreeState state = new();
    private readonly LatestOnly<MatrixTree> loads = new();
    private MatrixTreeContext context = default!;
    private MatrixTree? tree;
    private bool showArchived;

    [Inject]
    private MatrixTreeService Matrix { get; set; } = default!;

    [Inject]
    private MatrixCommands Commands { get; set; } = default!;

    private bool IsEmpty => tree is { Themes.Count: 0, StandaloneGroups.Count: 0 };

    protected override async Task OnInitializedAsync()
    {
        context = new MatrixTreeContext(Commands, state, LoadAsync);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var archived = showArchived;
        if (await loads.RunAsync(() => Matrix.GetAsync(archived), loaded => tree = loaded))
        {
            StateHasChanged();
        }
    }

    private Task ShowArchivedAsync(bool value)
    {
        showArchived = value;
        return LoadAsync();
    }

    private async Task AddThemeAsync()
    {
        if (await Commands.AddThemeAsync() is { } theme)
        {
            await context.ReloadAsync(MatrixTreeState.ThemeKey(theme.Id), MatrixTreeState.ThemeKey(theme.Id));
        }
    }
}
