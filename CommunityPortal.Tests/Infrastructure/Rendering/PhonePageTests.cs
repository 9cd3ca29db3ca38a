using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CommunityPortal.Infrastructure.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityPortal.Tests.Infrastructure.Rendering;

/// <summary>The public pages' building blocks, rendered statically as the scan and sign-up pages render them.</summary>
public sealed class PhonePageTests
{
    private static async Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        // The portal's encoder: Chinese is written as it is, not as entities.
        await using var services = new ServiceCollection().AddSingleton(HtmlEncoder.Create(UnicodeRanges.All)).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    [Fact]
    public async Task LongPressImage_WritesAnInlineImageAsItIs_AndItsTextEncoded()
    {
        const string dataUri = "data:image/png;base64,iVBORw0K+Gg/oAA==";

        var html = await RenderAsync<LongPressImage>(new()
        {
            [nameof(LongPressImage.Source)] = dataUri,
            [nameof(LongPressImage.Class)] = "qr drawn",
            [nameof(LongPressImage.Alt)] = "群\"二维码\"",
            [nameof(LongPressImage.Hint)] = "长按 <识别>",
        });

        Assert.Equal($"<img class=\"qr drawn\" src=\"{dataUri}\" alt=\"群&quot;二维码&quot;\">\n<p class=\"hint\">长按 &lt;识别&gt;</p>", html);
    }

    [Fact]
    public async Task LongPressImage_EncodesAnImageUrl_AndLeavesOutAMissingClass()
    {
        var html = await RenderAsync<LongPressImage>(new()
        {
            [nameof(LongPressImage.Source)] = "/q/a\"b/fallback-image",
            [nameof(LongPressImage.Alt)] = "staff",
            [nameof(LongPressImage.Hint)] = "hold",
        });

        Assert.StartsWith("<img src=\"/q/a&quot;b/fallback-image\" alt=\"staff\">", html);
    }

    [Fact]
    public async Task PhonePage_IsOnePlainDocument_InTheCurrentCulture_WithoutScript()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var html = await RenderAsync<PhonePage>(new()
            {
                [nameof(PhonePage.Title)] = "A <title>",
                [nameof(PhonePage.Style)] = "body{margin:0}",
            });

            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.Contains("<html lang=\"en\">", html);
            Assert.Contains("<meta name=\"viewport\"", html);
            Assert.Contains("<title>A &lt;title&gt;</title><style>body{margin:0}</style>", html);
            Assert.Contains("<h1>A &lt;title&gt;</h1>", html);
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("blazor", html, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
