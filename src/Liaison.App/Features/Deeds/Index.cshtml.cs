using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Data.Results;
using Liaison.Domain.Access;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Deeds;

/// <summary>
/// 实事好事: the year's deeds within reach, newest first, each kind's quantities summed; and for an
/// office or a cadre the form that records one — village, kind, its quantities in the kind's units,
/// the day, who did it, the source, what was done, the case it settles.
/// </summary>
public sealed class IndexModel(LiaisonQueries queries, LiaisonDb db, Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    /// <summary>A unit's deeds (its own and its cadres'), by its code; a period within the year.</summary>
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    /// <summary>What the deed to record fulfils, from its page — a public commitment, an agreement's target, a sending unit's support: its village is the deed's.</summary>
    [BindProperty(SupportsGet = true)] public long? Commitment { get; set; }
    [BindProperty(SupportsGet = true)] public long? Target { get; set; }
    [BindProperty(SupportsGet = true)] public long? Support { get; set; }
    public DeedFulfils? Fulfils { get; private set; }

    public int Shown => Year ?? ChinaTime.Today(clock).Year;
    public DateOnly Today => ChinaTime.Today(clock);
    public DeedRules Rules { get; private set; } = new();
    public List<DeedRow> Deeds { get; private set; } = [];
    public List<DeedSum> Sums { get; private set; } = [];
    public Paging Paging { get; private set; } = Paging.Of(1, 0);
    public IReadOnlyList<Problem> Problems { get; private set; } = [];
    /// <summary>What was entered, shown again when the deed was refused; the quantities by code as typed.</summary>
    public DeedInput? Entered { get; private set; }
    public IReadOnlyDictionary<string, string> EnteredAmounts { get; private set; } = new Dictionary<string, string>();
    public string? EnteredAlso { get; private set; }
    public bool CanRecord => jurisdiction.May(Ability.RecordResults);
    /// <summary>A cadre records the deeds they did themselves; an office names the cadre or the unit.</summary>
    public bool IsCadre => jurisdiction.CadreId is not null;

    /// <summary>The year's work teams within reach, for an office naming the team that did a deed.</summary>
    public List<Features.Teams.TeamRow> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Teams = CanRecord && !IsCadre ? await queries.Teams.ListAsync(Shown, null, ct) : [];
        Rules = (await PolicyStore.GetAsync(db, Shown, ct)).Policy.Deeds;
        var kind = Rules.Find(Kind)?.Code;
        // A unit code that names no unit filters to nothing rather than to everything.
        int? unit = string.IsNullOrWhiteSpace(Unit) ? null : await queries.Deeds.UnitIdAsync(Unit.Trim(), ct) ?? -1;
        var filter = new DeedFilter(Shown, Code, kind, unit, From, To);
        Sums = await queries.Deeds.SumsAsync(filter, ct);
        Paging = Paging.Of(PageNumber, await queries.Deeds.CountAsync(filter, ct));
        Deeds = await queries.Deeds.ListAsync(filter, Paging.Skip, Paging.Size, ct);
        Fulfils = await queries.Deeds.FulfilsAsync(Commitment, Target, Support, ct);
    }

    public async Task<IActionResult> OnPostRecordAsync(string? village, string? alsoVillages, string? kind, DateOnly? on, string? cadre, string? unit, string? source, string? evidence,
        string? caseCode, long? commitmentId, long? agreementTargetId, long? supportId, long? team, CancellationToken ct)
    {
        if (!CanRecord)
        {
            return Forbid();
        }
        // The chosen kind's quantities: fields q.KIND.CODE (every kind's are on the page; only the chosen one counts).
        var prefix = $"q.{kind?.Trim()}.";
        var typed = Request.Form.Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(f.Value))
            .ToDictionary(f => f.Key[prefix.Length..], f => f.Value.ToString().Trim(), StringComparer.Ordinal);
        var amounts = new List<DeedAmount>();
        var unreadable = new List<Problem>();
        foreach (var (code, text) in typed)
        {
            if (FormNumbers.Read("quantities." + code, text, unreadable) is { } value)
            {
                amounts.Add(new DeedAmount(code, value));
            }
        }
        // Other villages the same deed served: the picker sends their codes joined by commas (typed ones may use spaces or 、 too).
        var also = (alsoVillages ?? "").Split([',', '，', '、', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var photos = new List<DeedPhotoInput>();
        // One more than allowed is read, so that the store refuses the number, not this page silently.
        foreach (var file in Request.Form.Files.GetFiles("photos").Where(f => f.Length > 0).Take(Domain.Results.DeedPhoto.MaxPerDeed + 1))
        {
            // Read no further than one byte past the limit: the store refuses it by its size.
            using var stream = file.OpenReadStream();
            var bytes = new byte[Math.Min(file.Length, Domain.Results.DeedPhoto.MaxBytes + 1)];
            await stream.ReadExactlyAsync(bytes, ct);
            photos.Add(new DeedPhotoInput(file.FileName, bytes));
        }
        var input = new DeedInput(village, kind, on, amounts, IsCadre ? null : cadre, IsCadre ? null : unit, source, evidence, caseCode, commitmentId,
            agreementTargetId, supportId, also, IsCadre ? null : team, photos);
        try
        {
            RefusedException.ThrowIfAny(unreadable);
            var deeds = await DeedStore.RecordAllAsync(db, clock, new OfficeActor(jurisdiction.UserName ?? "?", jurisdiction.Covers), jurisdiction.CadreId, input, ct);
            var deed = deeds[0];
            // Back to what it fulfils; otherwise to the deed in its village's list (the township's, for several villages).
            if (await queries.Deeds.FulfilsAsync(deed.CommitmentId, deed.AgreementTargetId, deed.SupportId, ct) is { } fulfilled)
            {
                return Redirect(fulfilled.Back);
            }
            var where = deeds.Count == 1 ? deed.VillageCode
                : deeds.All(d => d.VillageCode[..9] == deed.VillageCode[..9]) ? deed.VillageCode[..9] : deed.VillageCode[..6];
            return Redirect($"/deeds?code={Uri.EscapeDataString(where)}&year={deed.Year}#deed-{deed.Id}");
        }
        catch (RefusedException e)
        {
            (Problems, Entered, EnteredAmounts, Commitment, Target, Support, EnteredAlso) = (e.Problems, input, typed, commitmentId, agreementTargetId, supportId, alsoVillages);
            await OnGetAsync(ct);
            return Page();
        }
    }

    /// <summary>A photo of a deed's evidence, for those who read the deed.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(long deed, int n, CancellationToken ct)
    {
        if (await queries.Deeds.PhotoAsync(deed, n, ct) is not { } photo)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "private, max-age=3600";
        return File(photo.Content, photo.ContentType);
    }

    public string KindName(string code) => DeedText.Kind(Rules, code);

    public string QuantityText(string kind, string code, decimal value) => DeedText.Quantity(Rules, kind, code, value);
}

