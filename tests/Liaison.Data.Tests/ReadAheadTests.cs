using Liaison.Data.Database;

namespace Liaison.Data.Tests;

public class ReadAheadTests
{
    [Fact]
    public async Task Every_item_arrives_in_order_in_batches()
    {
        var seen = new List<int>();
        await foreach (var batch in ReadAhead.BatchesAsync(Enumerable.Range(0, 10_001), 1000, default))
        {
            Assert.InRange(batch.Length, 1, 1000);
            seen.AddRange(batch);
        }
        Assert.Equal(Enumerable.Range(0, 10_001), seen);
    }

    [Fact]
    public async Task A_failure_of_the_source_reaches_the_reader()
    {
        static IEnumerable<int> Failing()
        {
            for (var i = 0; i < 5000; i++)
            {
                yield return i;
            }
            throw new InvalidDataException("bad row");
        }
        var e = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in ReadAhead.BatchesAsync(Failing(), 100, default))
            {
            }
        });
        Assert.Equal("bad row", e.Message);
    }

    [Fact]
    public async Task A_reader_that_stops_early_stops_the_source()
    {
        var produced = 0;
        IEnumerable<int> Endless()
        {
            while (true)
            {
                yield return Interlocked.Increment(ref produced);
            }
        }
        await foreach (var _ in ReadAhead.BatchesAsync(Endless(), 10, default))
        {
            break;
        }
        var after = produced;
        await Task.Delay(50);
        Assert.Equal(after, produced);
        Assert.True(after < 1000, $"{after} items were made for one batch of 10");
    }
}
