using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Data.Results;
using Liaison.Domain.Access;
using Liaison.Domain.Policy;
using Liaison.Domain.Results;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Agreements;

/// <summary>
/// One agreement: its parties, targets and standing. The township office revises a draft, signs it
/// once the First Secretary agreed, amends it with a reason afterwards; the First Secretary agrees to
/// their own draft (on the phone); either marks a target met; anyone who reads it prints it.
/// </summary>
public sealed class ShowModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public AgreementRow Row { get; private set; } = null!;
    public List<AgreementTarget> Targets { get; private set; } = [];
    /// <summary>How many practical deeds within reach fulfil each target.</summary>
    public Dictionary<long, int> DeedsByTarget { get; private set; } = [];
    public bool CanRecordDeeds => jurisdiction.May(Ability.RecordResults);
    public AgreementRules Rules { get; private set; } = new();
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    public IReadOnlyList<TargetInput>? EnteredTargets { get; private set; }
    public DateOnly Today => ChinaTime.Today(clock);
    public bool IsOffice => IsOfficeAccount;
    /// <summary>The agreement's own party: its First Secretary, or the administrator of its paired unit.</summary>
    public bool IsTheParty => Party is { } p && p.Cadre == Row.Agreement.CadreId && p.Unit == Row.Agreement.UnitId;
    public bool IsTheSecretary => Row.Agreement.CadreId is not null && IsTheParty;

    /// <summary>Whom the signed-in account speaks for as a party: a cadre (with leave to record results) or a unit's administrator.</summary>
    private AgreementParty? Party =>
        jurisdiction.CadreId is { } own && jurisdiction.May(Ability.RecordResults) ? new(own, null)
        : jurisdiction.Role == Role.UnitAdmin && jurisdiction.Scope?.UnitId is { } unit ? new(null, unit)
        : null;

    private OfficeActor Actor => new(jurisdiction.UserName ?? "?", jurisdiction.Covers);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await queries.Agreements.OneAsync(id, ct) is not { } row)
        {
            return NotFound();
        }
        Row = row;
        Targets = await queries.Agreements.TargetsAsync(id, ct);
        DeedsByTarget = await queries.Deeds.ByTargetAsync(Targets.Select(t => t.Id).ToList(), ct);
        Rules = (await PolicyStore.GetAsync(db, row.Agreement.Year, ct)).Policy.Agreements;
        return Page();
    }

    public Task<IActionResult> OnPostAgreeAsync(long id, CancellationToken ct) =>
        ActAsync(id, Party is { } party ? () => AgreementStore.AgreeAsync(db, clock, Actor, party, id, ct) : null, ct);

    public Task<IActionResult> OnPostSignAsync(long id, DateOnly? signedOn, string? townshipSigner, CancellationToken ct) =>
        ActAsync(id, IsOfficeAccount ? () => AgreementStore.SignAsync(db, clock, Actor, id, signedOn, townshipSigner, ct) : null, ct);

    public async Task<IActionResult> OnPostReviseAsync(long id, string[]? area, string[]? text, string[]? measure, string[]? value, DateOnly?[]? due, string? reason, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var targets = TargetForm.Read(area, text, measure, value, due, problems);
        EnteredTargets = targets;
        return await ActAsync(id, IsOfficeAccount ? async () =>
        {
            RefusedException.ThrowIfAny(problems);
            await AgreementStore.ReviseAsync(db, clock, Actor, id, targets, reason, ct);
        }
        : null, ct);
    }

    public Task<IActionResult> OnPostMeetAsync(long id, long target, DateOnly? metOn, CancellationToken ct) =>
        ActAsync(id, jurisdiction.May(Ability.RecordResults) ? () => AgreementStore.MeetAsync(db, clock, Actor, jurisdiction.CadreId, target, metOn, ct) : null, ct);

    /// <summary>The agreement printed for the file: parties, targets, signatures (A4, Chinese).</summary>
    public async Task<IActionResult> OnGetPdfAsync(long id, [FromServices] Data.Access.Scoped scoped, CancellationToken ct)
    {
        if (await OnGetAsync(id, ct) is not PageResult)
        {
            return NotFound();
        }
        var a = Row.Agreement;
        var townshipCode = a.VillageCode[..9];
        var township = await scoped.Names.Where(d => d.Code == townshipCode).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
        var unit = await (from c in db.Cadres.AsNoTracking() join u in scoped.UnitNames on c.UnitId equals u.Id where c.Id == a.CadreId select u.Name).FirstOrDefaultAsync(ct);
        return File(AgreementPdf.Of(Row, township, unit, Targets, Rules), "application/pdf", $"agreement-{a.VillageCode}-{a.Year}.pdf");
    }

    private bool IsOfficeAccount => jurisdiction.May(Ability.RecordResults) && jurisdiction.CadreId is null;

    private async Task<IActionResult> ActAsync(long id, Func<Task>? act, CancellationToken ct)
    {
        if (act is null)
        {
            return Forbid();
        }
        try
        {
            await act();
            return Redirect($"/agreements/{id}");
        }
        catch (RefusedException e)
        {
            var page = await OnGetAsync(id, ct);
            Problems = e.Problems;
            return page;
        }
    }
}
