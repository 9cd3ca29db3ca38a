namespace CommunityPortal.Components.Account;

/// <summary>Marker for Resources/Components/Account/AccountText.*.resx: sign-in, setup and account pages.</summary>
public sealed class AccountText;
