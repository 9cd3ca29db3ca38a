namespace CommunityPortal.Features.Api;

/// <summary>Marker for Resources/Features/Api/ApiText.*.resx: the REST API's problem titles and messages.</summary>
public sealed class ApiText;
