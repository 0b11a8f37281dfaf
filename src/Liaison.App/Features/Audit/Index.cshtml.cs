using Liaison.App.Web;
using Liaison.Data.Audit;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Audit;

/// <summary>
/// The audit log for the programme office: filtered by person, record and period, newest first.
/// An office reads the entries of its own subtree; an administrator reads all.
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, Data.LiaisonDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;

    /// <summary>The changed fields shown of an entry (a policy document changes many).</summary>
    public const int ChangesShown = 8;

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Division { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];
    public bool More { get; private set; }

    /// <summary>This year's policy, which names the case categories.</summary>
    public CaseRules Rules { get; private set; } = new();

    /// <summary>"field: old → new", or "field: value" for a record made.</summary>
    public static string Line(AuditChange c) =>
        Ui.T(c.Name) + Ui.T("：", ": ") + (c.Before is { } before ? Ui.T(before) + " → " : "") + Ui.T(c.After ?? AuditDiff.Gone);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = queries.Audit.Entries(string.IsNullOrWhiteSpace(Division) ? null : Division.Trim());
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(e => e.Actor == Actor.Trim());
        }
        if (!string.IsNullOrWhiteSpace(Entity))
        {
            query = query.Where(e => e.Entity == Entity.Trim());
        }
        if (!string.IsNullOrWhiteSpace(Key))
        {
            query = query.Where(e => e.EntityKey == Key.Trim());
        }
        if (From is { } from)
        {
            var start = ChinaTime.StartOfDay(from);
            query = query.Where(e => e.At >= start);
        }
        if (To is { } to)
        {
            var end = ChinaTime.StartOfDay(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }
        Rules = await Data.Cases.CaseStore.RulesAsync(db, clock.GetUtcNow(), ct);
        PageNumber = Math.Max(1, PageNumber);
        var rows = await query.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        More = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
    }
}
