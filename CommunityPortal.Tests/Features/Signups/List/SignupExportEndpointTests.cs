using System.Net;
using System.Text;
using CommunityPortal.Features.Signups;
using CommunityPortal.Features.Signups.Public;
using CommunityPortal.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Signups.List;

/// <summary>GET /activities/{id}/signups.csv: managers only; one column per question; formulas neutralised; UTF-8 with BOM.</summary>
public sealed class SignupExportEndpointTests(HeaderAuthSite factory) : IClassFixture<HeaderAuthSite>
{
    private async Task<int> ActivityWithSignupsAsync(string slug)
    {
        var activity = await SignupSeed.ActivityAsync(factory.Services, "亲子阅读 " + slug);
        await SignupSeed.FormAsync(factory.Services, activity.Id, slug, f => f.Questions = [SignupSeed.Grade(), SignupSeed.Wish()]);
        using var scope = factory.Services.CreateScope();
        var signups = scope.ServiceProvider.GetRequiredService<SignupService>();
        foreach (var (name, phone, wish) in new[] { ("王小明", "13812345678", "西游记"), ("李红", "13900000002", "=HYPERLINK(\"x\")") })
        {
            var result = await signups.SubmitAsync(slug, new SignupSubmission
            {
                Name = name, Phone = phone, Answers = new Dictionary<string, string?> { ["q1"] = "二年级", ["q2"] = wish },
            });
            Assert.Equal(SignupOutcome.Created, result.Outcome);
        }
        return activity.Id;
    }

    [Fact]
    public async Task Export_ForAManager_HasEveryQuestionAsAColumn_InSignupOrder()
    {
        var activityId = await ActivityWithSignupsAsync("export1");
        using var client = factory.ClientAs(Roles.Manager);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await client.GetAsync($"/activities/{activityId}/signups.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches($@"^signups-{activityId}-\d{{8}}-\d{{4}}\.csv$", response.Content.Headers.ContentDisposition!.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).TrimEnd().Split("\r\n");
        Assert.Equal(3, lines.Length);
        Assert.Equal("学号,姓名,手机号,孩子年级,想读的书,渠道,报名时间,到场,到场时间,完成,完成时间,会员状态", lines[0]);
        Assert.Matches(@"^\d{5},王小明,13812345678,二年级,西游记,,\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},,,,,正常$", lines[1]);
        // A formula typed into the form is kept as text: the apostrophe, then quoting because of the quotes inside.
        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", lines[2]);
    }

    [Theory]
    [InlineData(Roles.Operator)]
    [InlineData(Roles.Viewer)]
    public async Task Export_BelowManager_IsForbidden(string role)
    {
        var activityId = await ActivityWithSignupsAsync("export-" + role.ToLowerInvariant());
        using var client = factory.ClientAs(role);

        using var response = await client.GetAsync($"/activities/{activityId}/signups.csv");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Export_UnknownActivity_IsNotFound()
    {
        using var client = factory.ClientAs(Roles.Manager);

        using var response = await client.GetAsync("/activities/999999/signups.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
