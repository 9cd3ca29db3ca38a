namespace CommunityPortal.Features.Matrix;

/// <summary>Marker for Resources/Features/Matrix/MatrixText.*.resx: the matrix's UI and messages.</summary>
public sealed class MatrixText;
