namespace Liaison.Data.Audit;

/// <summary>
/// Writes the audit head files of a busy process off the commit path. Without it each commit that
/// appends to the log writes its database's head file before it returns — a cross-process file lock,
/// a read and an atomic replace, a dozen system calls — which the server's group writer of field
/// records would pay once a group, holding up the next group meanwhile. With it a commit hands its
/// head over and goes on; the writer writes the newest head of each database a moment later, once
/// for however many commits came meanwhile. Heads still only move forward (<see cref="AuditHeads.Advance"/>).
/// The server starts one; commands and tests write each head as they commit. Disposing writes what is left.
/// </summary>
public sealed class AuditHeadWriter : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AuditHead> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signal = new(0);
    private readonly Action<Exception>? _failed;
    private readonly Task _loop;
    private bool _signalled;
    private bool _stopped;

    private AuditHeadWriter(Action<Exception>? failed)
    {
        _failed = failed;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Starts the process's writer; <paramref name="failed"/> hears of a head file that could not be written (it is tried again).</summary>
    public static AuditHeadWriter Start(Action<Exception>? failed = null)
    {
        var writer = new AuditHeadWriter(failed);
        AuditHeads.UseWriter(writer);
        return writer;
    }

    /// <summary>Takes a committed head to write; false once stopped, and the caller writes it itself.</summary>
    internal bool Post(string database, AuditHead head)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return false;
            }
            if (!_pending.TryGetValue(database, out var known) || known.Entry < head.Entry)
            {
                _pending[database] = head;
            }
            if (_signalled)
            {
                return true;
            }
            _signalled = true;
        }
        _signal.Release();
        return true;
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            await _signal.WaitAsync();
            List<KeyValuePair<string, AuditHead>> batch;
            bool stopped;
            lock (_gate)
            {
                batch = [.. _pending];
                _pending.Clear();
                _signalled = false;
                stopped = _stopped;
            }
            foreach (var (database, head) in batch)
            {
                try
                {
                    AuditHeads.Advance(database, head);
                }
#pragma warning disable CA1031 // A head that could not be written is kept and tried again; the commit it follows stands.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _failed?.Invoke(e);
                    if (!stopped)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(1));
                        Post(database, head);
                    }
                }
            }
            if (stopped)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        AuditHeads.UseWriter(null, this);
        lock (_gate)
        {
            _stopped = true;
        }
        // Wakes the loop for its last round, which writes everything posted before the stop.
        _signal.Release();
        await _loop;
        _signal.Dispose();
    }
}
