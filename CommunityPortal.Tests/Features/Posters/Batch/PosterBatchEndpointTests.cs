using System.Net;
using CommunityPortal.Features.Posters.Batch;
using Microsoft.Extensions.DependencyInjection;
using CommunityPortal.Tests.Infrastructure.Rendering;

namespace CommunityPortal.Tests.Features.Posters.Batch;

public sealed class PosterBatchEndpointTests(HeaderAuthSite factory) : IClassFixture<HeaderAuthSite>
{
    private Guid PutDraft(string owner, int codes = 3)
    {
        var id = Guid.NewGuid();
        factory.Services.GetRequiredService<PosterBatchDrafts>().Put(id, owner,
            new PosterBatchDraft("posters-reading", PosterServiceTests.ChineseSpec(), PosterBatchServiceTests.ThreeCodes().Take(codes).ToList()));
        return id;
    }

    [Fact]
    public async Task BatchPdf_A4_HasOnePagePerChosenCode_AsAnAttachment()
    {
        var id = PutDraft("operator-id");
        using var client = factory.ClientAs(Roles.Operator, "operator-id");

        using var response = await client.GetAsync($"/render/batches/{id}/posters.pdf?paper=A4&v=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("posters-reading-A4.pdf", response.Content.Headers.ContentDisposition!.FileNameStar);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(3, PosterBatchServiceTests.PageCount(pdf));
        Assert.Contains("渠道：线下地推", PosterBatchServiceTests.PageTexts(pdf)[2]);
    }

    [Fact]
    public async Task BatchPdf_A5_HasA5Pages()
    {
        var id = PutDraft("operator-id", codes: 2);
        using var client = factory.ClientAs(Roles.Operator, "operator-id");

        var pdf = await client.GetByteArrayAsync($"/render/batches/{id}/posters.pdf?paper=A5");

        Assert.Equal([(420, 595), (420, 595)], PosterServiceTests.PageSizes(pdf));
    }

    [Fact]
    public async Task BatchPdf_OfSomeoneElsesDraft_IsNotFound_AndForAViewer_IsForbidden()
    {
        var id = PutDraft("operator-id");
        using var other = factory.ClientAs(Roles.Operator, "other-id");
        using var viewer = factory.ClientAs(Roles.Viewer, "operator-id");

        using var theirs = await other.GetAsync($"/render/batches/{id}/posters.pdf");
        using var viewers = await viewer.GetAsync($"/render/batches/{id}/posters.pdf");

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewers.StatusCode);
    }

    [Fact]
    public async Task BatchPreview_IsTheSvgOfTheAskedPage_WithItsCaption()
    {
        var id = PutDraft("operator-id");
        using var client = factory.ClientAs(Roles.Operator, "operator-id");

        var svg = await client.GetStringAsync($"/render/batches/{id}/poster.svg?page=1");

        Assert.Contains("读书会海报 · 渠道：公众号推文", svg);
        Assert.DoesNotContain("线下地推", svg);
    }
}
