
namespace CommunityPortal.Infrastructure.Validation;

/// <summary>Marker for the shared validation messages (ValidationText.resx beside it).</summary>
public sealed class ValidationText;
