using System.Threading.Channels;

namespace Liaison.Data.Database;

/// <summary>
/// Runs a row source (parsing and checking a file, generating the demo) on its own thread, a few
/// batches ahead of the writer, so that the two use both cores instead of taking turns.
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<T[]> BatchesAsync<T>(IEnumerable<T> source, int batchSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                var batch = new List<T>(batchSize);
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count == batchSize)
                    {
                        await channel.Writer.WriteAsync([.. batch], stop.Token);
                        batch.Clear();
                    }
                }
                if (batch.Count > 0)
                {
                    await channel.Writer.WriteAsync([.. batch], stop.Token);
                }
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                // The source's own refusal (or a cancellation) reaches the writer through the channel.
                channel.Writer.TryComplete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
            {
                yield return batch;
            }
        }
        finally
        {
            // The writer failed or stopped early: let the source stop too, and wait for it, so that
            // nothing still reads the file or touches shared state after the import returns.
            await stop.CancelAsync();
            await producer;
        }
    }
}
