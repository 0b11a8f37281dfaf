using Liaison.Data.Database;

namespace Liaison.Data.Tests;

public class GroupCommitTests
{
    [Fact]
    public async Task Items_arriving_while_a_group_is_written_go_together_in_the_next_up_to_its_weight()
    {
        var groups = new List<List<int>>();
        var firstStarted = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        await using var commit = new GroupCommit<int>(async (items, _) =>
        {
            lock (groups)
            {
                groups.Add([.. items]);
            }
            if (groups.Count == 1)
            {
                firstStarted.SetResult();
                await releaseFirst.Task;
            }
        }, size: i => i, maxSize: 10);

        var first = commit.SubmitAsync(1);
        await firstStarted.Task;
        // While the first is being written: 4 + 5 fit in one group (9), 3 would make 12 and waits for the next.
        var waiting = new List<Task> { commit.SubmitAsync(4), commit.SubmitAsync(5), commit.SubmitAsync(3) };
        releaseFirst.SetResult();
        await first;
        await Task.WhenAll(waiting);

        Assert.Equal([[1], [4, 5], [3]], groups);
    }

    [Fact]
    public async Task A_failed_group_fails_each_of_its_members_and_the_next_group_is_written()
    {
        var calls = 0;
        var started = new TaskCompletionSource();
        var gate = new TaskCompletionSource();
        await using var commit = new GroupCommit<string>(async (items, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                started.SetResult();
                await gate.Task;
            }
            if (items.Contains("bad"))
            {
                throw new InvalidOperationException("unique violation");
            }
        }, size: _ => 1, maxSize: 100);

        var blocker = commit.SubmitAsync("first");
        await started.Task;
        var good = commit.SubmitAsync("good");
        var bad = commit.SubmitAsync("bad");
        gate.SetResult();
        await blocker;

        await Assert.ThrowsAsync<InvalidOperationException>(() => good);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        await commit.SubmitAsync("later");
        Assert.Equal(3, calls);
    }
}
