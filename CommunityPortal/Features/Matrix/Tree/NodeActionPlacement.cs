
namespace CommunityPortal.Features.Matrix.Tree;

/// <summary>Where a row's actions render: on the row itself, or in its menu (phones).</summary>
public enum NodeActionPlacement
{
    Row,
    Menu,
}
