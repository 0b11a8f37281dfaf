using System.Collections.Concurrent;
using Liaison.Data.Import;
using Liaison.Domain.Shared;

namespace Liaison.App.Web;

/// <summary>
/// One piece of long work started from a page (plan the year, rebuild the report's figures): how far
/// it has come and, when done, what it did or why it was refused. The stores it calls audit it.
/// </summary>
public sealed class Job(string kind, string owner, Term title, DateTimeOffset started)
{
    private volatile string _stage = "";
    private double _fraction;

    public Guid Id { get; } = Guid.NewGuid();
    public string Kind { get; } = kind;
    /// <summary>The account that started it: only it (and the administrator) follows it.</summary>
    public string Owner { get; } = owner;
    public Term Title { get; } = title;
    public DateTimeOffset Started { get; } = started;
    public DateTimeOffset? Finished { get; private set; }
    public string Stage => _stage;
    public double Fraction => Volatile.Read(ref _fraction);
    public Term? Result { get; private set; }
    public IReadOnlyList<Term> Problems { get; private set; } = [];
    /// <summary>Where to go when it is done (the plan's page, the report).</summary>
    public string? Next { get; init; }

    public bool Done => Finished is not null;

    public void Report(ImportProgress progress)
    {
        _stage = progress.Stage;
        Volatile.Write(ref _fraction, progress.Total > 0 ? Math.Clamp(progress.Done / progress.Total, 0, 1) : 0);
    }

    internal void Finish(DateTimeOffset at, Term? result, IReadOnlyList<Term> problems)
    {
        Result = result;
        Problems = problems;
        Volatile.Write(ref _fraction, 1);
        Finished = at;
    }
}

/// <summary>
/// Long work run in the server's background with its own services, one of a kind at a time (a
/// second "plan" while one runs shows the running one). Kept in memory: a restart forgets finished
/// jobs, never their effects, which the stores wrote and audited. Finished jobs are dropped after a day.
/// </summary>
public sealed class Jobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<Jobs> log, IHostApplicationLifetime lifetime)
{
    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();
    private readonly Lock _start = new();

    public Job? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>Starts the work unless work of the same kind is running, which is returned instead.</summary>
    public Job Start(string kind, string owner, Term title, string? next, Func<IServiceProvider, Job, CancellationToken, Task<Term>> work)
    {
        lock (_start)
        {
            Forget();
            if (_jobs.Values.FirstOrDefault(j => j.Kind == kind && !j.Done) is { } running)
            {
                return running;
            }
            var job = new Job(kind, owner, title, clock.GetUtcNow()) { Next = next };
            _jobs[job.Id] = job;
            _ = Task.Run(() => RunAsync(job, work));
            return job;
        }
    }

    private async Task RunAsync(Job job, Func<IServiceProvider, Job, CancellationToken, Task<Term>> work)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await work(scope.ServiceProvider, job, lifetime.ApplicationStopping);
            job.Finish(clock.GetUtcNow(), result, []);
        }
        catch (RefusedException e)
        {
            job.Finish(clock.GetUtcNow(), null, e.Problems.Select(p => new Term(p.Zh, p.En)).ToList());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "job {Kind} {Id} failed", job.Kind, job.Id);
            job.Finish(clock.GetUtcNow(), null, [new Term("意外错误，详情已写入服务器日志：" + e.Message, "unexpected error, logged on the server: " + e.Message)]);
        }
        catch (OperationCanceledException)
        {
            job.Finish(clock.GetUtcNow(), null, [new Term("服务器停止，任务中断；已写入的内容按各自的事务保留或回滚", "the server stopped and the work was interrupted; each transaction kept or rolled back what it wrote")]);
        }
    }

    private void Forget()
    {
        var before = clock.GetUtcNow().AddDays(-1);
        foreach (var old in _jobs.Values.Where(j => j.Finished < before))
        {
            _jobs.TryRemove(old.Id, out _);
        }
    }
}
