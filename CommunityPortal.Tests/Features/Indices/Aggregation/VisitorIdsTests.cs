using System.Runtime.CompilerServices;
using CommunityPortal.Features.Indices;
using CommunityPortal.Features.Indices.Aggregation;
using CommunityPortal.Features.LiveCodes;
using CommunityPortal.Features.Visitors;

namespace CommunityPortal.Tests.Features.Indices.Aggregation;

/// <summary>The aggregator's compact forms keep every distinction the indices count by.</summary>
public sealed class VisitorIdsTests
{
    [Fact]
    public void CookieKeys_AreNumberedOncePerKey_AndOtherKeysShareTheNumbering()
    {
        var ids = new VisitorIds();
        var first = VisitorCookie.Hash("cookie-1");
        var second = VisitorCookie.Hash("cookie-2");

        Assert.Equal(1, ids.Intern(first));
        Assert.Equal(2, ids.Intern("imported-visitor"));
        Assert.Equal(3, ids.Intern(second));
        Assert.Equal(1, ids.Intern(new string(first.ToCharArray())));
        Assert.Equal(2, ids.Intern("imported-visitor"));
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public void KeysThatDifferOnlyInCase_OrInLength_StayDifferentVisitors()
    {
        var ids = new VisitorIds();
        var key = VisitorCookie.Hash("cookie-1");

        var lower = ids.Intern(key);
        var upper = ids.Intern(key.ToUpperInvariant());
        var shorter = ids.Intern(key[..31]);
        var padded = ids.Intern((key[0] == '0' ? "1" : "0") + key[1..]);

        Assert.Equal(4, new[] { lower, upper, shorter, padded }.Distinct().Count());
        Assert.NotNull(VisitorIds.AsNumber(key));
        Assert.Null(VisitorIds.AsNumber(key.ToUpperInvariant()));
        Assert.Null(VisitorIds.AsNumber(key[..31]));
    }

    [Fact]
    public void AFact_IsPacked_AndKeepsWhatItWasGiven()
    {
        var fact = new Fact(IndexEventType.Purchased, ScanOutcome.Bot, 23, 740_000, long.MaxValue, 638_000_000_000_000_000, 7, 8, 9, 10, 11, 1_000_000_000_00);

        Assert.Equal(52, Unsafe.SizeOf<Fact>());
        Assert.Equal((IndexEventType.Purchased, ScanOutcome.Bot, (byte)23, 740_000, long.MaxValue), (fact.Type, fact.Outcome, fact.Hour, fact.Day, fact.Id));
        Assert.Equal((638_000_000_000_000_000L, 7, 8, 9, 10, 11, 1_000_000_000_00L),
            (fact.Ticks, fact.MemberId, fact.GroupId, fact.ActivityId, fact.ChannelId, fact.Visitor, fact.AmountFen));
    }
}
