using CommunityPortal.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityPortal.Tests.Features.Users;

public sealed class LocalizedIdentityErrorDescriberTests : IAsyncLifetime
{
    private readonly PortalDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public async Task DisposeAsync() => await db.DisposeAsync();

    public static TheoryData<string> Cultures => new() { "zh-CN", "en" };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryIdentityError_HasATranslatedMessage(string culture)
    {
        using var _ = new CultureScope(culture);
        using var scope = db.Services.CreateScope();
        var describer = scope.ServiceProvider.GetRequiredService<IdentityErrorDescriber>();
        Assert.IsType<LocalizedIdentityErrorDescriber>(describer);

        var methods = typeof(IdentityErrorDescriber).GetMethods()
            .Where(m => m.ReturnType == typeof(IdentityError) && m.DeclaringType == typeof(IdentityErrorDescriber))
            .ToList();
        Assert.True(methods.Count >= 20);
        foreach (var method in methods)
        {
            var args = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)8 : "x@example.com").ToArray();
            var error = (IdentityError)method.Invoke(describer, args)!;

            Assert.Equal(method.Name, error.Code);
            Assert.DoesNotContain("Identity.", error.Description);
            Assert.Equal(culture == "zh-CN", error.Description.Any(c => c >= 0x4e00 && c <= 0x9fff));
        }
    }

    [Fact]
    public void PasswordTooShort_SaysTheLengthInChinese()
    {
        using var _ = new CultureScope("zh-CN");
        using var scope = db.Services.CreateScope();
        var describer = scope.ServiceProvider.GetRequiredService<IdentityErrorDescriber>();

        Assert.Equal("密码至少需要 8 个字符。", describer.PasswordTooShort(8).Description);
    }
}
