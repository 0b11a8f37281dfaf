using System.Globalization;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Audit;
using Liaison.Data.Divisions;
using Liaison.Domain.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Divisions;

/// <summary>
/// One division: its figures and children, or for a village its profile (with where each year's
/// came from and the history by year) and households. The office that holds the village (a role
/// that edits the plan, its scope covering the village) edits the year's profile here; others read.
/// </summary>
public sealed class ShowModel(LiaisonQueries queries, LiaisonDb db, Data.Access.Scoped scoped, Auth.Jurisdiction jurisdiction, TimeProvider clock) : PageModel
{
    public bool CanReveal => jurisdiction.May(Ability.RevealPersonalData);

    public bool CanEditRegistries => jurisdiction.May(Domain.Access.Ability.EditRegistries);

    public Division Division { get; private set; } = null!;
    public IReadOnlyDictionary<string, long> Figures { get; private set; } = new Dictionary<string, long>();
    public List<Division> Ancestors { get; private set; } = [];
    public List<DivisionFigures> Children { get; private set; } = [];
    public List<Household> Households { get; private set; } = [];
    public int HouseholdTotal { get; private set; }

    /// <summary>The village's profiles, newest year first.</summary>
    public List<VillageProfile> History { get; private set; } = [];

    /// <summary>Whether the signed-in account may edit this village's profile.</summary>
    public bool CanEditProfile { get; private set; }

    /// <summary>The problems of a refused save, shown above the form.</summary>
    public IReadOnlyList<Problem> ProfileProblems { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "house")]
    public string? HouseNo { get; set; }

    /// <summary>The year the form edits (default: this year).</summary>
    [BindProperty(SupportsGet = true, Name = "profileYear")]
    public int? ProfileYear { get; set; }

    [BindProperty(SupportsGet = true, Name = "saved")]
    public int? SavedYear { get; set; }

    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    public int PageCount => Math.Max(1, (HouseholdTotal + DivisionQueries.PageSize - 1) / DivisionQueries.PageSize);

    public int EditYear => ProfileYear ?? ChinaTime.Today(clock).Year;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        if (CanEditProfile)
        {
            Form = ProfileForm.Of(History.FirstOrDefault(p => p.Year == EditYear), History.FirstOrDefault(), Division, EditYear);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(string code, CancellationToken ct)
    {
        if (!await LoadAsync(code, ct))
        {
            return NotFound();
        }
        if (Division.Level != DivisionLevel.Village)
        {
            return NotFound();
        }
        if (!CanEditProfile)
        {
            return Forbid();
        }
        var (proposed, problems) = Form.Read(code);
        if (problems.Count == 0)
        {
            problems = [.. await VillageProfileStore.SaveAsync(db, clock, new Actor(jurisdiction.UserName ?? "?"), proposed, Form.Version, ct)];
        }
        if (problems.Count > 0)
        {
            ProfileProblems = problems;
            ProfileYear = Form.Year;
            return Page();
        }
        return Redirect($"/divisions/{code}?profileYear={proposed.Year}&saved={proposed.Year}#profile");
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var division = await queries.Divisions.FindAsync(code, ct);
        if (division is null)
        {
            return false;
        }
        Division = division;
        Figures = await queries.Divisions.FiguresAsync(code, ct);
        Ancestors = await queries.Divisions.AncestorsAsync(division, ct);
        if (division.Level == DivisionLevel.Village)
        {
            PageNumber = Math.Max(1, PageNumber);
            (Households, HouseholdTotal) = await queries.Divisions.HouseholdsAsync(code, PageNumber, HouseNo, ct);
            History = await VillageProfileStore.HistoryAsync(scoped, code, ct);
            CanEditProfile = jurisdiction.May(Ability.EditPlan) && jurisdiction.Covers(code);
        }
        else
        {
            Children = await queries.Divisions.ChildrenAsync(code, ct);
        }
        return true;
    }
}

/// <summary>The profile form as posted: text fields read here, so that a bad number is refused by name, never dropped.</summary>
public sealed class ProfileForm
{
    public int Year { get; set; }
    public List<VillageType> Types { get; set; } = [];
    public PartyOrgGrade? Grade { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? Population { get; set; }
    public string? Households { get; set; }
    public string? Income { get; set; }
    public string? Distance { get; set; }
    public string? Remarks { get; set; }
    /// <summary>The version the form was opened with; empty when the year had no profile.</summary>
    public Guid? Version { get; set; }

    /// <summary>The year's profile as stored; a year without one starts from the latest profile (or the division's current facts), as a new row.</summary>
    public static ProfileForm Of(VillageProfile? year, VillageProfile? latest, Division division, int editYear)
    {
        static string? F(double? v) => v?.ToString(CultureInfo.InvariantCulture);
        var from = year ?? latest;
        return new ProfileForm
        {
            Year = editYear,
            Types = Enum.GetValues<VillageType>().Where(t => t != VillageType.None && (from?.Types ?? division.VillageType).HasFlag(t)).ToList(),
            Grade = from is null ? division.PartyOrgGrade : from.Grade,
            Latitude = F(from is null ? division.Latitude : from.Latitude),
            Longitude = F(from is null ? division.Longitude : from.Longitude),
            Population = from?.Population?.ToString(CultureInfo.InvariantCulture),
            Households = from?.Households?.ToString(CultureInfo.InvariantCulture),
            Income = from?.CollectiveIncome?.ToString(CultureInfo.InvariantCulture),
            Distance = F(from?.SeatDistanceKm),
            Remarks = from?.Remarks,
            Version = year?.Version,
        };
    }

    /// <summary>The posted profile, and a problem for every field that does not read as its kind.</summary>
    public (VillageProfile Profile, List<Problem> Problems) Read(string village)
    {
        var problems = new List<Problem>();
        double? Number(string field, string? text, Term what)
        {
            var t = (text ?? "").Trim().Replace(",", "", StringComparison.Ordinal);
            if (t.Length == 0)
            {
                return null;
            }
            if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            {
                return v;
            }
            problems.Add(new Problem(field, $"{what.Zh}“{t}”不是数字", $"{what.En} '{t}' is not a number"));
            return null;
        }
        int? Whole(string field, string? text, Term what)
        {
            var v = Number(field, text, what);
            if (v is { } n && n != Math.Floor(n))
            {
                problems.Add(new Problem(field, $"{what.Zh}须为整数", $"{what.En} is a whole number"));
                return null;
            }
            return v is { } w && w is >= int.MinValue and <= int.MaxValue ? (int)w : null;
        }
        var income = Number("income", Income, Words.CollectiveIncome);
        var profile = new VillageProfile
        {
            VillageCode = village,
            Year = Year,
            Types = Types.Aggregate(VillageType.None, (a, t) => a | t),
            Grade = Grade,
            Latitude = Number("latitude", Latitude, Words.Latitude),
            Longitude = Number("longitude", Longitude, Words.Longitude),
            Population = Whole("population", Population, Words.Population),
            Households = Whole("households", Households, Words.HouseholdCount),
            // Out of range (or too large for a decimal): -1, which the profile's rules refuse with their message.
            CollectiveIncome = income is { } i ? (i is >= 0 and <= 1e12 ? Math.Round((decimal)i, 2) : -1m) : null,
            SeatDistanceKm = Number("distance", Distance, Words.SeatDistance),
            Remarks = Remarks,
            UpdatedBy = "",
        };
        return (profile, problems);
    }
}
