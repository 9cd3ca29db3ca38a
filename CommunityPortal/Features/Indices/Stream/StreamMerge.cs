namespace CommunityPortal.Features.Indices.Stream;

/// <summary>Merges sources that are each in time order into one stream in time order (ties: source order, then id).</summary>
public static class StreamMerge
{
    public static async IAsyncEnumerable<StreamEvent> MergeAsync(IReadOnlyList<IAsyncEnumerable<StreamEvent>> sources,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var readers = new List<IAsyncEnumerator<StreamEvent>>(sources.Count);
        var heap = new PriorityQueue<int, (DateTime At, int Source, long Id)>();
        try
        {
            for (var i = 0; i < sources.Count; i++)
            {
                var reader = sources[i].GetAsyncEnumerator(ct);
                readers.Add(reader);
                if (await reader.MoveNextAsync())
                {
                    heap.Enqueue(i, (reader.Current.At, i, reader.Current.Id));
                }
            }
            while (heap.TryDequeue(out var next, out _))
            {
                var reader = readers[next];
                yield return reader.Current;
                if (await reader.MoveNextAsync())
                {
                    heap.Enqueue(next, (reader.Current.At, next, reader.Current.Id));
                }
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }
    }
}
