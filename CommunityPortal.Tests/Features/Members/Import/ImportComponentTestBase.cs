using System.Text;
using CommunityPortal.Infrastructure.Domain;
using CommunityPortal.Features.Members;
using CommunityPortal.Features.Members.Tags;
using CommunityPortal.Features.Members.Import;
using CommunityPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Members.Import;

/// <summary>bUnit over the real member and import services (a manager is signed in), with CSV files made in the test.</summary>
public abstract class ImportComponentTestBase : PortalComponentTestBase
{
    static ImportComponentTestBase() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    protected override void AddFeatureServices(IServiceCollection services)
    {
        services.AddSingleton<IDomainEventPublisher>(sp => sp.GetRequiredService<DomainEventBus>());
    }

    protected T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected static byte[] Gbk(params string[] lines) => Encoding.GetEncoding("GBK").GetBytes(string.Join("\r\n", lines) + "\r\n");

    protected async Task<TagDto> TagAsync(string name, string group = "兴趣")
    {
        var tags = Get<TagService>();
        var tagGroup = (await tags.ListAsync()).FirstOrDefault(g => g.Name == group)
            ?? await tags.CreateGroupAsync(new TagGroupInput { Name = group, Kind = TagGroupKind.Attribute });
        return await tags.CreateTagAsync(new TagInput { TagGroupId = tagGroup.Id, Name = name });
    }

    protected Task<ImportPreview> PreviewAsync(byte[] bytes, DuplicatePolicy policy = DuplicatePolicy.Skip) =>
        Get<MemberImportService>().PreviewAsync("会员.csv", bytes, EncodingChoice.Auto, policy);
}
