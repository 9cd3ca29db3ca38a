namespace CommunityPortal.Features.Indices.Aggregation;

/// <summary>What the aggregator knows of one member, derived from their facts each time they change.</summary>
public sealed class MemberState(int id)
{
    public int Id { get; } = id;

    public List<FactRef> Facts { get; } = [];

    /// <summary>The day the 学号 was given (null: the member-created fact is not known, e.g. deleted).</summary>
    public int? CreatedDay { get; private set; }

    /// <summary>First channel (0: none).</summary>
    public int ChannelId { get; set; }

    /// <summary>The member's latest blacklist fact is "blacklisted": left out of member indices on every day.</summary>
    public bool Blacklisted { get; private set; }

    /// <summary>Days with at least one activity fact, ascending, each once.</summary>
    public int[] ActiveDays { get; private set; } = [];

    public void Derive()
    {
        CreatedDay = null;
        FactRef? latestBlacklist = null;
        var days = new SortedSet<int>();
        foreach (var f in Facts)
        {
            switch (f.Type)
            {
                case IndexEventType.MemberCreated:
                    CreatedDay = f.Day;
                    break;
                case IndexEventType.Blacklisted or IndexEventType.BlacklistLifted:
                    if (latestBlacklist is not { } l || (f.Ticks, f.Id) .CompareTo((l.Ticks, l.Id)) > 0)
                    {
                        latestBlacklist = f;
                    }
                    break;
                case IndexEventType.Joined or IndexEventType.Active or IndexEventType.SignedUp or IndexEventType.CheckedIn
                    or IndexEventType.Purchased or IndexEventType.ScanLinked:
                    days.Add(f.Day);
                    break;
            }
        }
        Blacklisted = latestBlacklist?.Type == IndexEventType.Blacklisted;
        ActiveDays = [.. days];
    }
}
