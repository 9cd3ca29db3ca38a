namespace CommunityPortal.Features.Indices.Dashboards;

/// <summary>Marker for DashboardText.resx and DashboardText.zh-CN.resx beside it: the 运营指数 dashboards' strings.</summary>
public sealed class DashboardText;
