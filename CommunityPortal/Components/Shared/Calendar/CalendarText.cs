namespace CommunityPortal.Components.Shared.Calendar;

/// <summary>Marker for CalendarText.resx and CalendarText.zh-CN.resx beside it (date formats included: they differ by language).</summary>
public sealed class CalendarText;
