using System.Net;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Signups;
using CommunityPortal.Tests.Features.Signups;
using CommunityPortal.Tests.Infrastructure.Api;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityPortal.Tests.Features.Indices;

/// <summary>Members (with and without a first channel), scans through /q and sign-ups through /s and the API.</summary>
public sealed partial class IndexHistory
{
    /// <summary>A link-preview fetcher: the scan code's classifier takes any agent containing "bot" for one.</summary>
    public const string BotAgent = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

    /// <summary>The API's members, by their first channel: 0–2 A, 3–4 B, 5–8 none, 9 A (both 8 and 9 change it later).</summary>
    private static readonly char?[] ApiMemberChannels = ['A', 'A', 'A', 'B', 'B', null, null, null, null, 'A'];

    /// <summary>0–9 made through the API; 10 and 11 by signing up on the page; 12 by a sign-up through the API.</summary>
    public List<MemberResponse> Members { get; } = [];

    private async Task MembersAsync()
    {
        for (var i = 0; i < ApiMemberChannels.Length; i++)
        {
            Members.Add(await (await _operator.PostJsonAsync("/api/v1/members", new
            {
                nickname = $"会员{i}", firstChannelId = ApiMemberChannels[i] is { } c ? Channels[c] : (int?)null,
            })).ReadAsync<MemberResponse>(HttpStatusCode.Created));
        }
    }

    /// <summary>
    /// Phones scan (channel codes, repeats, the fallback once the groups have their two), a bot scans; two phones sign up
    /// on the page after scanning (their scans are linked to the new member, the channel of the last scan becomes the
    /// first channel, the receipt routes them once more); a third phone scans, then signs up as someone already signed
    /// up (their scans are linked, no new sign-up); the first phone scans again as a member.
    /// </summary>
    private async Task ScansAndPageSignupsAsync()
    {
        var (first, second, third) = (site.Phone(), site.Phone(), site.Phone());
        await ScanAsync(first, 'C');
        await ScanAsync(first, 'C');
        await ScanAsync(second, null);
        var bot = site.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        bot.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", BotAgent);
        await ScanAsync(bot, 'A');
        await ScanAsync(bot, 'A');
        foreach (var (channel, times) in new (char?, int)[] { ('A', 1), ('A', 2), ('B', 1), (null, 1), ('B', 3) })
        {
            var phone = site.Phone();
            for (var i = 0; i < times; i++)
            {
                await ScanAsync(phone, channel);
            }
        }
        Members.Add(await SignUpOnPageAsync(first, "页面报名甲", "13900000101"));
        Members.Add(await SignUpOnPageAsync(second, "页面报名乙", "13900000102"));
        await ScanAsync(third, 'B');
        Assert.Equal(Members[10].Id, (await SignUpOnPageAsync(third, "页面报名甲", "13900000101")).Id);
        await ScanAsync(first, 'A');
        var signup = await (await _operator.PostJsonAsync($"/api/v1/activities/{Periods[0][2]}/signups", new
        {
            unionId = $"oIdx{Guid.NewGuid():N}"[..28], name = "接口报名丙", phone = "13900000103", channelKey = _channelKeys['B'],
        })).ReadAsync<SignupResponse>(HttpStatusCode.Created);
        Members.Add(await (await _operator.GetAsync($"/api/v1/members/{signup.MemberId}")).ReadAsync<MemberResponse>());
    }

    private async Task ScanAsync(HttpClient client, char? channel)
    {
        using var response = await client.GetAsync($"/q/{LiveCodeSlug}" + (channel is { } c ? $"?c={_channelKeys[c]}" : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<MemberResponse> SignUpOnPageAsync(HttpClient phone, string name, string mobile)
    {
        using (var page = await phone.GetAsync($"/s/{FormSlug}"))
        {
            var token = await FormToken.ReadAsync(page);
            using var response = await phone.PostAsync($"/s/{FormSlug}", new FormUrlEncodedContent(
                [new("name", name), new("phone", mobile), new(FormToken.FieldName, token.Token)]));
            await HtmlAssert.PageAsync(response, HttpStatusCode.OK);
        }
        return await (await _operator.GetAsync($"/api/v1/members/lookup?phone={mobile}")).ReadAsync<MemberResponse>();
    }
}
