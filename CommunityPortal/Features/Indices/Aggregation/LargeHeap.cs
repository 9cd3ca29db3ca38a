using System.Runtime;

namespace CommunityPortal.Features.Indices.Aggregation;

/// <summary>
/// The rebuild grows each day's fact list by doubling; from about 1,400 facts a list lives in the large object heap,
/// which the GC does not compact on its own, so every outgrown copy leaves a hole (146 MB of holes beside 282 MB of
/// live data over 2 M events, measured with dotnet-counters). One compacting collection after a large rebuild gives
/// those holes back to the system; small rebuilds (tests, a young team) are left alone (docs/adr/044).
/// </summary>
internal static class LargeHeap
{
    /// <summary>Below this many facts the outgrown copies are a few megabytes at most: not worth a blocking collection.</summary>
    public const int CompactFromFacts = 100_000;

    public static bool CompactAfterRebuild(int facts)
    {
        if (facts < CompactFromFacts)
        {
            return false;
        }
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return true;
    }
}
