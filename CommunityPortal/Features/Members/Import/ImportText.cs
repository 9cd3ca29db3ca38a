namespace CommunityPortal.Features.Members;

/// <summary>Marker for Resources/Features/Members/ImportText.*.resx: the CSV import page, its messages and template.</summary>
public sealed class ImportText;
