using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Data.Import;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Imports;

/// <summary>
/// Imports in the browser: download a template (its example row from this database), upload a file,
/// see the preview — rows to add, change and (a roster declared complete for a scope) end, every
/// normalisation, every refusal by line and column — and confirm; nothing is written until then, and the import runs as a job with its progress.
/// Who governs the whole database imports every kind over every record; an office of a part of it
/// imports profiles, units, cadres, households and work teams inside its own division (each row, and each record a
/// row would change, checked by the importer); others get the templates.
/// </summary>
public sealed class IndexModel(LiaisonDb db, Data.Access.Scoped scoped, Jurisdiction jurisdiction, TimeProvider clock, Web.Jobs jobs) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Staged { get; set; }
    [BindProperty] public string? Sha256 { get; set; }
    /// <summary>Divisions: the village merges file (原代码 → 并入代码) that comes with a newer NBS list.</summary>
    [BindProperty] public IFormFile? Merges { get; set; }
    [BindProperty] public string? MergesStaged { get; set; }
    [BindProperty] public string? MergesSha256 { get; set; }
    /// <summary>Divisions: the office confirms withdrawing codes that records still point at and that merge nowhere.</summary>
    [BindProperty] public bool Withdraw { get; set; }

    /// <summary>The scope the file is the whole roster of (cadres: unit:CODE or a division; households: a village or township): who is missing is ended on confirming.</summary>
    [BindProperty] public string? CompleteFor { get; set; }

    public ImportPreview? Preview { get; private set; }
    public bool MayImport { get; private set; }
    /// <summary>Whether the account governs the whole database (every kind of import, over every record).</summary>
    public bool Whole { get; private set; }
    /// <summary>The division an office imports inside when it does not govern the whole database.</summary>
    public string? Within { get; private set; }
    public IReadOnlyList<ImportKind> Kinds { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetTemplateAsync(string kind, CancellationToken ct)
    {
        if (ImportKinds.Find(kind) is not { } k)
        {
            return NotFound();
        }
        var path = Path.Combine(Path.GetTempPath(), $"liaison-template-{Guid.NewGuid():N}.xlsx");
        try
        {
            Cli.TemplateCommands.Write(path, k.Columns, k.Example(await TemplateExample.OfAsync(db, ChinaTime.Today(clock).Year, ct)), Ui.English ? UiLanguage.English : UiLanguage.Chinese);
            return File(await System.IO.File.ReadAllBytesAsync(path, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{k.Key}-template.xlsx");
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // A preview compares the file with the whole registry: it is for who may import.
        if (!MayImport)
        {
            return Forbid();
        }
        if (NotForThisAccount())
        {
            return Forbid();
        }
        if (Importable(Kind) is not { } kind || Upload is null || Upload.Length == 0)
        {
            Errors.Add(Ui.T("请选择导入类型和文件", "Choose the kind of import and a file"));
            return Page();
        }
        if (!await ScopeInReachAsync(kind, ct))
        {
            return Page();
        }
        var staged = await Uploads.SaveAsync(Upload, jurisdiction.UserName ?? "?", kind.Key, clock, ct);
        // A newer NBS list comes with its village merges file, previewed with it.
        var merges = kind.Key == DivisionsKey && Merges is { Length: > 0 } ? await Uploads.SaveAsync(Merges, jurisdiction.UserName ?? "?", MergesKind, clock, ct) : null;
        (MergesStaged, MergesSha256) = (merges?.Id, merges?.Sha256);
        Preview = await kind.PreviewAsync(db, clock, staged.Path, new ImportOptions(CompleteFor, Within, merges?.Path, Withdraw), ct);
        (Staged, Sha256) = (staged.Id, staged.Sha256);
        if (!Preview.Acceptable)
        {
            Uploads.Delete(staged);
            if (merges is not null)
            {
                Uploads.Delete(merges);
            }
        }
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!MayImport)
        {
            return Forbid();
        }
        var owner = jurisdiction.UserName ?? "?";
        Uploads.Staged? merges = null;
        if (NotForThisAccount())
        {
            return Forbid();
        }
        if (Importable(Kind) is not { } kind || await Uploads.FindAsync(Staged ?? "", owner, kind.Key, Sha256 ?? "", ct) is not { } staged
            // A newer division list's merges file, previewed with it, is checked the same way.
            || kind.Key == DivisionsKey && MergesStaged is { Length: > 0 } && (merges = await Uploads.FindAsync(MergesStaged, owner, MergesKind, MergesSha256 ?? "", ct)) is null)
        {
            Errors.Add(Ui.T("预览过的文件已过期或不存在，请重新上传", "The previewed file has expired or is gone: upload it again"));
            return Page();
        }
        if (!await ScopeInReachAsync(kind, ct))
        {
            return Page();
        }
        var completeFor = CompleteFor;
        var options = new ImportOptions(CompleteFor, Within, merges?.Path, Withdraw);
        var job = jobs.Start("import", owner, new($"导入{kind.Name.Zh}：{Path.GetFileName(staged.Path)}", $"Import {kind.Name.En.ToLowerInvariant()}: {Path.GetFileName(staged.Path)}"), "/imports", async (services, job, ct) =>
        {
            try
            {
                var done = await kind.ImportAsync(services.GetRequiredService<LiaisonDb>(), services.GetRequiredService<TimeProvider>(), staged.Path, options, new Actor(owner), job.Report, ct);
                return kind.Key == DivisionsKey
                    ? new Term($"已导入 {done.Rows} 行，撤销 {done.Ends} 个代码（其中 {done.Merged} 个村并入其他村）。",
                        $"{done.Rows} rows imported, {done.Ends} codes withdrawn ({done.Merged} of them villages merged into another).")
                    : completeFor is null
                    ? new Term($"已导入 {done.Rows} 行。", $"{done.Rows} rows imported.")
                    : new Term($"已导入 {done.Rows} 行；完整名册（{completeFor}）中未列出的 {done.Ends} 条记录已按登记规则结束。", $"{done.Rows} rows imported; the {done.Ends} records of the complete roster ({completeFor}) not in the file were ended by the registry's rules.");
            }
            finally
            {
                Uploads.Delete(staged);
                if (merges is not null)
                {
                    Uploads.Delete(merges);
                }
            }
        });
        return Redirect($"/jobs/{job.Id}");
    }

    /// <summary>
    /// A roster declared complete must be of a kind that may be, and of a scope in the account's
    /// jurisdiction (a unit by <c>unit:CODE</c>, else a division): an office ends only its own records.
    /// </summary>
    private async Task<bool> ScopeInReachAsync(ImportKind kind, CancellationToken ct)
    {
        CompleteFor = string.IsNullOrWhiteSpace(CompleteFor) ? null : Data.Import.CellNormaliser.Code(CompleteFor);
        if (CompleteFor is not { } scope)
        {
            return true;
        }
        if (!kind.Completable)
        {
            Errors.Add(Ui.T($"{kind.Name.Zh}导入不能声明为完整名册", $"An import of {kind.Name.En.ToLowerInvariant()} cannot be declared a complete roster"));
            return false;
        }
        var code = scope.StartsWith("unit:", StringComparison.OrdinalIgnoreCase) ? scope[5..] : scope;
        var inReach = scope.StartsWith("unit:", StringComparison.OrdinalIgnoreCase)
            ? await scoped.Units.AnyAsync(u => u.Code == code, ct)
            : await scoped.Divisions.AnyAsync(d => d.Code == scope, ct);
        if (!inReach)
        {
            Errors.Add(Ui.T($"完整名册的范围 {scope} 不存在或不在您的管辖范围内", $"The complete roster's scope {scope} does not exist or is outside your jurisdiction"));
        }
        return inReach;
    }

    private const string DivisionsKey = "divisions";
    private const string MergesKind = "division-merges";

    /// <summary>
    /// Who governs the whole database imports everything; an office of a part of it (a county's in a
    /// city's database) imports the regional kinds inside its division (<see cref="Within"/>).
    /// </summary>
    private async Task LoadAsync(CancellationToken ct)
    {
        Whole = jurisdiction.Role is { } role && jurisdiction.Scope is { } scope && await Data.Access.WholeDatabase.GovernedByAsync(db, role, scope, ct);
        Within = !Whole && jurisdiction.May(Domain.Access.Ability.EditRegistries) && jurisdiction.Scope?.DivisionCode is { } code ? code : null;
        MayImport = Whole || Within is not null;
        Kinds = Whole ? ImportKinds.All : ImportKinds.All.Where(k => k.Regional).ToList();
    }

    /// <summary>A kind that exists but is not this account's to import: the division list and the registrations are the whole database's, whatever the form says.</summary>
    private bool NotForThisAccount() => ImportKinds.Find(Kind) is not null && Importable(Kind) is null;

    /// <summary>A kind this account may import: any for the whole database's office, the regional ones inside a jurisdiction.</summary>
    private ImportKind? Importable(string? key) => Kinds.FirstOrDefault(k => k.Key == key);
}
