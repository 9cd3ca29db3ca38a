namespace CommunityPortal.Features.Seeding.Bench;

/// <summary>What seed-bench-indices makes: <see cref="Members"/> members and their history over the <see cref="Days"/> days before <see cref="End"/> (UTC).</summary>
internal sealed record IndexBenchOptions(int Members, int Days, int Seed, DateTime End)
{
    public DateTime Start => End.AddDays(-Days);
}

/// <summary>
/// Rows per table, and the operation events they are (issue 11's stream): members created, scans, joins (every stay),
/// leaves, sign-ups, check-ins, member events and service records.
/// </summary>
internal sealed record IndexBenchCounts(int Members, int Scans, int Joins, int Leaves, int Signups, int CheckIns, int MemberEvents, int ServiceRecords)
{
    public long Events => (long)Members + Scans + Joins + Leaves + Signups + CheckIns + MemberEvents + ServiceRecords;
}

/// <summary>
/// The whole bench history, planned in memory before anything is written: one seeded random sequence drawn in a fixed
/// order, so the same options give the same rows. Rows refer to each other by their index in the plan; the writer
/// maps indexes to database keys.
/// </summary>
internal sealed class IndexBenchPlan
{
    private IndexBenchPlan(IndexBenchOptions options, IndexBenchMatrix matrix, IndexBenchPeople people, IndexBenchTraffic traffic, IndexBenchFacts facts)
    {
        Options = options;
        Matrix = matrix;
        People = people;
        Traffic = traffic;
        Facts = facts;
    }

    public IndexBenchOptions Options { get; }
    public IndexBenchMatrix Matrix { get; }
    public IndexBenchPeople People { get; }
    public IndexBenchTraffic Traffic { get; }
    public IndexBenchFacts Facts { get; }

    public static IndexBenchPlan Create(IndexBenchOptions options)
    {
        var dice = new IndexBenchRandom(options.Seed, options.Start, options.End);
        var matrix = IndexBenchMatrix.Create(dice, options.Members, IndexBenchPeople.ChannelShare);
        var people = new IndexBenchPeople(dice, matrix);
        people.Plan(options.Members);
        var traffic = new IndexBenchTraffic(dice, matrix, people);
        traffic.Plan();
        var facts = new IndexBenchFacts(dice, people);
        var plan = new IndexBenchPlan(options, matrix, people, traffic, facts);
        var before = plan.Count();
        facts.Plan(before.Events);
        return plan;
    }

    public IndexBenchCounts Count() => new(
        People.Members.Count, Traffic.Scans.Count, People.Stays.Count, People.Stays.Count(s => s.LeftAt is not null), People.Signups.Count,
        People.Signups.Count(s => s.CheckedInAt is not null), Facts.Facts.Count, Facts.Records.Count);
}
