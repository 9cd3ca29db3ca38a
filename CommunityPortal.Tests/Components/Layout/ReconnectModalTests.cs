using Bunit;
using CommunityPortal.Components.Layout;
using CommunityPortal.Tests.Infrastructure;

namespace CommunityPortal.Tests.Components.Layout;

public sealed class ReconnectModalTests : ComponentTest
{
    [Theory]
    [InlineData("zh-CN", "重新连接失败，", " 秒后再试。")]
    [InlineData("en", "Could not reconnect; trying again in ", " s.")]
    public void RetryLine_PutsTheSecondsInsideTheSentence(string culture, string before, string after)
    {
        using var scope = new CultureScope(culture);

        var cut = Render<ReconnectModal>();

        // blazor.web.js writes the number into the span: the sentence must read around it in each language.
        var line = cut.Find(".components-reconnect-repeated-attempt-visible");
        var seconds = line.QuerySelector("#components-seconds-to-next-attempt")!;
        seconds.TextContent = "5";
        Assert.Equal(before + "5" + after, line.TextContent);
    }
}
