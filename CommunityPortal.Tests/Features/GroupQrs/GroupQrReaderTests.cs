using CommunityPortal.Features.GroupQrs;

namespace CommunityPortal.Tests.Features.GroupQrs;

/// <summary>The server's QR reader on real images: clean codes, screenshots, photos of a phone screen, and what is not a QR.</summary>
public sealed class GroupQrReaderTests
{
    private const string Invite = QrBytes.Invite;

    [Fact]
    public void Read_CleanPngAndJpeg_FindsTheText()
    {
        Assert.Equal(new QrRead(QrReadStatus.Found, Invite, 328, 328), GroupQrReader.Read(QrImages.Png(Invite)));
        Assert.Equal(Invite, GroupQrReader.Read(QrImages.Jpeg(Invite)).Text);
    }

    [Fact]
    public void Read_CodeInsideAScreenshot_FindsTheText()
    {
        var read = GroupQrReader.Read(QrImages.Screenshot(Invite));

        Assert.Equal(QrReadStatus.Found, read.Status);
        Assert.Equal(Invite, read.Text);
        Assert.Equal((1080, 2340), (read.Width, read.Height));
    }

    public static TheoryData<PhotoConditions> Photos => new()
    {
        new PhotoConditions(Scale: 0.45, Degrees: 3, Blur: 1.0f, Noise: 10, JpegQuality: 75),
        new PhotoConditions(Scale: 0.4, Degrees: -7, Blur: 1.2f, Noise: 14, JpegQuality: 60, Seed: 11),
        new PhotoConditions(Scale: 0.3, Degrees: 5, Blur: 0.8f, Noise: 8, JpegQuality: 70, Seed: 3),
        new PhotoConditions(Scale: 0.48, Degrees: -2, Blur: 1.5f, Noise: 18, JpegQuality: 50, Seed: 5),
        // The screen far off: about four photo pixels per module, blurred and grainy.
        new PhotoConditions(Scale: 0.25, Degrees: 8, Blur: 1.5f, Noise: 20, JpegQuality: 50),
        new PhotoConditions(Scale: 0.22, Degrees: -5, Blur: 1.8f, Noise: 22, JpegQuality: 45, Seed: 9),
    };

    [Theory]
    [MemberData(nameof(Photos))]
    public void Read_PhotoOfAPhoneScreen_FindsTheText(PhotoConditions photo)
    {
        var image = QrImages.PhonePhoto(Invite, photo);

        Assert.InRange(image.Length, 1, GroupQr.MaxImageBytes);
        Assert.Equal(new QrRead(QrReadStatus.Found, Invite, 1600, 1200), GroupQrReader.Read(image));
    }

    [Fact]
    public void Read_TransparentBackground_IsReadOverWhite()
    {
        Assert.Equal(Invite, GroupQrReader.Read(QrImages.TransparentPng(Invite)).Text);
    }

    [Fact]
    public void Read_ImageWithoutACode_IsNoQrCode()
    {
        Assert.Equal(new QrRead(QrReadStatus.NoQrCode, Width: 320, Height: 240), GroupQrReader.Read(QrImages.PlainPng()));
    }

    [Fact]
    public void Read_TextOrBytesThatOnlyStartLikeAPng_IsNotAnImage()
    {
        Assert.Equal(QrReadStatus.NotAnImage, GroupQrReader.Read(QrBytes.TextNamedPng()).Status);
        Assert.Equal(QrReadStatus.NotAnImage, GroupQrReader.Read(QrBytes.Png()).Status);
        Assert.Equal(QrReadStatus.NotAnImage, GroupQrReader.Read([]).Status);
    }

    [Fact]
    public void Read_SmallFileClaimingHugeDimensions_IsRefusedBeforeDecoding()
    {
        var read = GroupQrReader.Read(QrImages.HugePng(30_000, 20_000));

        Assert.Equal(new QrRead(QrReadStatus.TooManyPixels, Width: 30_000, Height: 20_000), read);
    }

    [Fact]
    public void Read_ImageFollowedByFillerBytes_StillFindsTheText()
    {
        Assert.Equal(Invite, GroupQrReader.Read(QrImages.PaddedTo(QrImages.Png(Invite), GroupQr.MaxImageBytes)).Text);
    }
}
