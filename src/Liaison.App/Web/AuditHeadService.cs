using Liaison.Data.Audit;

namespace Liaison.App.Web;

/// <summary>
/// The server's <see cref="AuditHeadWriter"/>: audit head files written off the commit path while it
/// runs. Registered before the other background services so that it stops after them; commits after
/// it stops (the field writer's last groups) write their heads themselves.
/// </summary>
public sealed class AuditHeadService(ILogger<AuditHeadService> log) : IHostedService
{
    private AuditHeadWriter? _writer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = AuditHeadWriter.Start(e => log.LogError(e, "audit: the head file could not be written; trying again"));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_writer is { } writer)
        {
            _writer = null;
            await writer.DisposeAsync();
        }
    }
}
