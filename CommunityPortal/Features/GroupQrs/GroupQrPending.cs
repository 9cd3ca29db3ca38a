namespace CommunityPortal.Features.GroupQrs;

/// <summary>An image the server read but nobody confirmed yet: its bytes, name and the invite its QR code holds.</summary>
public sealed record GroupQrPending(byte[] Image, string FileName, string Invite);
