namespace CommunityPortal.Tests.Support;

/// <summary>Byte strings that start like the formats the server accepts (the service looks only at the signature).</summary>
public static class QrBytes
{
    public const string Invite = "https://weixin.qq.com/g/AQYAABcdEfGhIjKlMnOpQrStUvWxYz0123456789";

    public static byte[] Png(int size = 64)
    {
        var bytes = new byte[size];
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] Jpeg(int size = 64)
    {
        var bytes = new byte[size];
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        bytes[3] = 0xE0;
        return bytes;
    }

    /// <summary>A text file someone renamed to .png.</summary>
    public static byte[] TextNamedPng() => "not an image, only named qr.png"u8.ToArray();
}
