using System.Threading.Channels;

namespace Liaison.Data.Database;

/// <summary>
/// Group commit: writes submitted by concurrent requests are written together, one transaction for
/// all that arrived while the previous group was being written. A request's write is durable when
/// its task completes; a failed group fails every member (nothing of it is written, as it was one
/// transaction), and each member may then retry on its own. With one request at a time a group is
/// that one request: nothing waits for company. Reads that many requests make alike (a bearer
/// token's lookup) use it too: one query for every request that arrived while the previous one ran.
/// </summary>
public sealed class GroupCommit<TItem> : IAsyncDisposable
{
    private readonly Channel<(TItem Item, TaskCompletionSource Done)> _pending =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<TItem>, CancellationToken, Task> _write;
    private readonly Func<TItem, int> _size;
    private readonly int _maxSize;
    private readonly Task _loop;
    private (TItem Item, TaskCompletionSource Done)? _carried;

    /// <param name="write">Writes one group in one transaction (not cancelled: a started group is finished).</param>
    /// <param name="size">An item's weight (records in it).</param>
    /// <param name="maxSize">A group takes items up to this total weight (an item heavier than that goes alone).</param>
    public GroupCommit(Func<IReadOnlyList<TItem>, CancellationToken, Task> write, Func<TItem, int> size, int maxSize)
    {
        _write = write;
        _size = size;
        _maxSize = maxSize;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Completes when the group holding the item is committed; throws the group's failure otherwise.</summary>
    public Task SubmitAsync(TItem item)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite((item, done)))
        {
            done.SetException(new ObjectDisposedException(nameof(GroupCommit<TItem>), "the server is stopping"));
        }
        return done.Task;
    }

    private async Task LoopAsync()
    {
        var group = new List<(TItem Item, TaskCompletionSource Done)>();
        while (true)
        {
            group.Clear();
            if (_carried is { } carried)
            {
                group.Add(carried);
                _carried = null;
            }
            else if (!await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                return;
            }
            var weight = group.Sum(g => _size(g.Item));
            while (weight < _maxSize && _pending.Reader.TryRead(out var next))
            {
                var w = _size(next.Item);
                if (group.Count > 0 && weight + w > _maxSize)
                {
                    _carried = next;
                    break;
                }
                group.Add(next);
                weight += w;
            }
            if (group.Count == 0)
            {
                continue;
            }
            try
            {
                await _write(group.Select(g => g.Item).ToList(), CancellationToken.None).ConfigureAwait(false);
                foreach (var g in group)
                {
                    g.Done.SetResult();
                }
            }
#pragma warning disable CA1031 // The failure belongs to the members; each sees it and may retry alone.
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var g in group)
                {
                    g.Done.SetException(e);
                }
            }
        }
    }

    /// <summary>Writes what was submitted already, then stops; later submissions fail.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}
