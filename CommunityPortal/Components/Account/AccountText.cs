namespace CommunityPortal.Components.Account;

/// <summary>Marker for AccountText.resx and AccountText.zh-CN.resx beside it.</summary>
public sealed class AccountText;
