
namespace CommunityPortal.Features.Matrix;

/// <summary>Marker for MatrixText.resx and MatrixText.zh-CN.resx beside it.</summary>
public sealed class MatrixText;
