using Bunit;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.LiveCodes.Channels;
using CommunityPortal.Features.LiveCodes.Manage;

namespace CommunityPortal.Tests.Features.LiveCodes.Manage;

/// <summary>The live-code page shows and copies the addresses people will scan: the public one once it is set.</summary>
public sealed class LiveCodePublicAddressTests
{
    public sealed class WhenSet : LiveCodeComponentTestBase
    {
        protected override string? PublicBaseUrl => "https://qun.example.com/";

        [Fact]
        public async Task ScanAndChannelUrls_CarryThePublicAddress_AndThePageSaysWhichOneItIs()
        {
            using var culture = Chinese();
            var code = await SeedLiveCodeAsync();
            var channels = Get<ChannelService>();
            var channel = await channels.CreateAsync(new ChannelInput { Name = "公众号文章" });
            await channels.CreateCodeAsync(code.Id, channel.Id);
            var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));

            cut.WaitForAssertion(() => Assert.Equal("https://qun.example.com/q/reading", cut.Find("#scan-url").GetAttribute("value")));
            Assert.Contains("https://qun.example.com/", cut.Find("[data-testid=public-address]").TextContent);
            Assert.Empty(cut.FindAll("[data-testid=public-address-warning]"));
            cut.WaitForAssertion(() => Assert.Contains("https://qun.example.com/q/reading?c=",
                cut.Find("[data-testid=channel-codes]").InnerHtml));
            Assert.DoesNotContain("localhost", cut.Find("[data-testid=channel-codes]").InnerHtml);
        }
    }

    public sealed class WhenNotSet : LiveCodeComponentTestBase
    {
        [Fact]
        public async Task ScanUrl_CarriesTheBrowsersAddress_AndThePageWarns()
        {
            using var culture = Chinese();
            var code = await SeedLiveCodeAsync();
            var cut = Render<LiveCodePage>(p => p.Add(x => x.Id, code.Id));

            cut.WaitForAssertion(() => Assert.Equal("http://localhost/q/reading", cut.Find("#scan-url").GetAttribute("value")));
            Assert.Contains("http://localhost/", cut.Find("[data-testid=public-address-warning]").TextContent);
        }
    }
}
