using System.Diagnostics;
using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Import;
using Liaison.Domain.Divisions;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Liaisons;

/// <summary>
/// <c>liaison import teams</c> and the import page's 工作团队: the year's work teams as the
/// organisation department lists them, one row per member — year, the division the team is
/// stationed in, the team's name and its head's post there, the cadre's staff number (and name, to
/// catch a wrong number), their place in the team and the day they joined. A team the file names
/// that does not exist is set up; a cadre not yet in it joins; one already in it with another place
/// changes place. Members the file does not list stay (a team's roster is changed on its page). The
/// rules are the team page's (<see cref="WorkTeamStore"/>): a county, township or village of the
/// uploader's jurisdiction, this year, last or next; serving cadres; one head a team. All or nothing.
/// </summary>
public sealed class WorkTeamImporter(TimeProvider clock)
{
    private const string Entity = "teams";

    /// <summary>The file's columns in template order.</summary>
    public static IReadOnlyList<ImportColumn> Layout { get; } =
    [
        new("year", false, "年度", "year"),
        new("division", true, "派驻区划代码", "division_code", "区划代码"),
        new("team", false, "工作团队名称", "team_name", "工作队名称"),
        new("head_post", false, "负责人挂职职务", "head_post", "挂职职务"),
        new("cadre", true, "干部编号", "cadre_code"),
        new("name", false, "姓名", "name"),
        new("role", false, "团队职务", "team_role", "队内职务"),
        new("since", false, "加入日期", "since"),
    ];

    /// <summary>The places in a team as offices write them (团长/队长/组长 by the team's level, or in general words).</summary>
    private static readonly Dictionary<string, TeamRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["团长"] = TeamRole.Head,
        ["队长"] = TeamRole.Head,
        ["组长"] = TeamRole.Head,
        ["负责人"] = TeamRole.Head,
        ["head"] = TeamRole.Head,
        ["副团长"] = TeamRole.Deputy,
        ["副队长"] = TeamRole.Deputy,
        ["副组长"] = TeamRole.Deputy,
        ["副职"] = TeamRole.Deputy,
        ["deputy"] = TeamRole.Deputy,
        ["deputy head"] = TeamRole.Deputy,
        ["成员"] = TeamRole.Member,
        ["团员"] = TeamRole.Member,
        ["队员"] = TeamRole.Member,
        ["组员"] = TeamRole.Member,
        ["member"] = TeamRole.Member,
    };

    private static readonly Term RoleChoices = new("团长、队长、组长（负责人）/副团长、副队长、副组长（副职）/成员", "head/deputy head/member");

    /// <summary>The uploader's jurisdiction (a division code) when it does not hold the whole database: every team must lie inside it.</summary>
    public string? Within { get; init; }

    private sealed record Row(long Line, int Year, string Division, string? Team, string? HeadPost, string Cadre, string? Name, TeamRole Role, DateOnly? Since);

    private sealed class TeamPlan(int year, string division, string divisionName, DivisionLevel level, WorkTeam? stored)
    {
        public int Year { get; } = year;
        public string Division { get; } = division;
        public string DivisionName { get; } = divisionName;
        public DivisionLevel Level { get; } = level;
        public WorkTeam? Stored { get; } = stored;
        public string? Name { get; set; }
        public long NameLine { get; set; }
        public string? HeadPost { get; set; }
        public long HeadPostLine { get; set; }
        public List<MemberPlan> Members { get; } = [];
        public string Label => $"{Year} {Division}";
    }

    private sealed record MemberPlan(long Line, int CadreId, string Cadre, string CadreName, TeamRole Role, DateOnly Since, WorkTeamMember? Stored);

    /// <summary>What the file would do, or did: the teams with their members, and the rows read.</summary>
    private sealed record Plan(TabularFile File, ImportProblems Problems, List<TeamPlan> Teams, long Rows);

    /// <summary>Reads and checks the file and compares it with the teams stored; writes nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(LiaisonDb db, string path, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        return await ImportPreview.ReadAsync(path, Entity, Layout, async file =>
        {
            var plan = await PlanAsync(db, file, ct);
            var (adds, changes, same, added, changed) = Compare(plan);
            return ImportPreview.Of(file, file.Name, Entity, plan.Problems, written: false) with
            {
                Rows = plan.Rows,
                Adds = adds,
                Changes = changes,
                Unchanged = same,
                Added = added,
                Changed = changed,
            };
        });
    }

    /// <summary>Sets up the teams and joins the members in one transaction, or refuses the whole file with every problem by line and column.</summary>
    public async Task<ImportResult> ImportAsync(LiaisonDb db, string path, Action<ImportProgress>? progress, CancellationToken ct, Actor? actor = null)
    {
        var watch = Stopwatch.StartNew();
        actor ??= Actor.Cli;
        using var outside = Unscoped.Section(Reach);
        var file = TabularFile.Open(path, allowXlsx: true, allowGb18030: true, Layout);
        var plan = await PlanAsync(db, file, ct);
        plan.Problems.ThrowIfAny();
        progress?.Invoke(new ImportProgress("rows", 1, 1));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        // The plan's stored teams and members, read untracked, are attached and changed: EF writes only what differs.
        foreach (var team in plan.Teams)
        {
            var stored = team.Stored;
            if (stored is null)
            {
                stored = new WorkTeam
                {
                    Year = team.Year,
                    DivisionCode = team.Division,
                    Name = team.Name ?? DefaultName(team),
                    HeadPost = team.HeadPost,
                    CreatedAt = now,
                    CreatedBy = actor.Name,
                };
                db.WorkTeams.Add(stored);
            }
            else
            {
                db.WorkTeams.Attach(stored);
                stored.Name = team.Name ?? stored.Name;
                stored.HeadPost = team.HeadPost ?? stored.HeadPost;
            }
            await db.SaveChangesAsync(ct);
            foreach (var m in team.Members)
            {
                if (m.Stored is { } member)
                {
                    db.WorkTeamMembers.Attach(member);
                    member.Role = m.Role;
                    member.Since = m.Since;
                }
                else
                {
                    db.WorkTeamMembers.Add(new WorkTeamMember { TeamId = stored.Id, CadreId = m.CadreId, Role = m.Role, Since = m.Since });
                }
            }
            await db.SaveChangesAsync(ct);
        }
        await AuditLog.AppendAsync(db, clock, actor, ImportAudit.Record("import." + Entity, Entity, path, plan.Rows), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportResult(plan.Rows, Math.Round(watch.Elapsed.TotalSeconds, 3))
        {
            Report = ImportPreview.Of(file, file.Name, Entity, plan.Problems, written: true) with { Rows = plan.Rows },
        };
    }

    private const string Reach = "a team import checks the file against the divisions, cadres and teams of the whole database, inside the uploader's jurisdiction";

    private static string DefaultName(TeamPlan team) => WorkTeamTerms.DefaultName(team.DivisionName, team.Level);

    /// <summary>The file's rows checked one by one, then team by team (one name, one head), against what is stored.</summary>
    private async Task<Plan> PlanAsync(LiaisonDb db, TabularFile file, CancellationToken ct)
    {
        var map = ColumnMap.Bind(file, Layout);
        var problems = new ImportProblems(file.Name);
        var thisYear = ChinaTime.Today(clock).Year;
        var rows = new List<Row>();
        foreach (var cells in file.Rows)
        {
            var row = new RowReader(cells, map, problems);
            var year = row.Optional("year").Length == 0 ? thisYear : row.Year("year", thisYear - 1, thisYear + 1, required: true);
            var role = TeamRole.Member;
            var roleText = CellNormaliser.Code(row.Optional("role"));
            if (roleText.Length > 0 && !Roles.TryGetValue(roleText, out role))
            {
                row.Expected("role", row.Optional("role"), RoleChoices);
            }
            var team = row.Text("team", WorkTeam.MaxName, required: false);
            var post = row.Text("head_post", WorkTeam.MaxPost, required: false);
            var name = row.Name("name", 100, required: false);
            rows.Add(new Row(cells.Line, year, row.Code("division", required: true), team.Length > 0 ? team : null, post.Length > 0 ? post : null,
                row.Code("cadre", required: true), name.Length > 0 ? name : null, role, row.Date("since", required: false)));
        }

        var codes = rows.Select(r => r.Division).Distinct().ToList();
        var divisions = await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, ct);
        var staff = rows.Select(r => r.Cadre).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => staff.Contains(c.Code)).Select(c => new { c.Id, c.Code, c.Name, c.Status })
            .ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, ct);
        var years = rows.Select(r => r.Year).Distinct().ToList();
        var stored = await db.WorkTeams.AsNoTracking().Where(t => years.Contains(t.Year) && codes.Contains(t.DivisionCode)).ToListAsync(ct);
        var teamIds = stored.Select(t => t.Id).ToList();
        var current = await (from m in db.WorkTeamMembers.AsNoTracking()
                             join c in db.Cadres.AsNoTracking() on m.CadreId equals c.Id
                             where teamIds.Contains(m.TeamId) && m.Until == null
                             select new { Member = m, c.Code, c.Name }).ToListAsync(ct);
        var serving = current.ToDictionary(m => (m.Member.TeamId, m.Member.CadreId), m => m.Member);
        var jurisdiction = Within is { } within ? Domain.Access.Scope.Division(within) : null;

        var teams = new Dictionary<(int, string), TeamPlan>();
        var seen = new Dictionary<(int, string, string), long>();
        long good = 0;
        foreach (var r in rows)
        {
            // Each cell was read above; here the row meets the database. Problems are told on the row's line.
            void Problem(string key, ImportReason reason, params string[] args) => problems.Add(r.Line, map.HeaderOf(key), reason, args);
            var ok = r.Year != 0 && r.Division.Length > 0 && r.Cadre.Length > 0;
            TeamPlan? team = null;
            if (r.Division.Length > 0)
            {
                if (!divisions.TryGetValue(r.Division, out var division) || division.WithdrawnOn is not null)
                {
                    Problem("division", ImportReason.UnknownDivision, r.Division);
                    ok = false;
                }
                else if (WorkTeamTerms.Kind(division.Level) is null)
                {
                    Problem("division", ImportReason.NotATeamDivision, r.Division, division.Name);
                    ok = false;
                }
                else if (jurisdiction is not null && !jurisdiction.Covers(r.Division))
                {
                    problems.Add(r.Line, map.HeaderOf("division"), ImportReason.OutsideJurisdiction, [Term.Same(r.Division), Term.Same(Within!)]);
                    ok = false;
                }
                else if (r.Year != 0)
                {
                    if (!teams.TryGetValue((r.Year, r.Division), out team))
                    {
                        team = new TeamPlan(r.Year, r.Division, division.Name, division.Level, stored.FirstOrDefault(t => t.Year == r.Year && t.DivisionCode == r.Division));
                        teams[(r.Year, r.Division)] = team;
                    }
                    ok &= Agree(r.Team, r.Line, team.Name, team.NameLine, "team", team, (v, l) => (team.Name, team.NameLine) = (v, l));
                    ok &= Agree(r.HeadPost, r.Line, team.HeadPost, team.HeadPostLine, "head_post", team, (v, l) => (team.HeadPost, team.HeadPostLine) = (v, l));
                }
            }
            if (r.Cadre.Length > 0)
            {
                if (!cadres.TryGetValue(r.Cadre, out var cadre))
                {
                    Problem("cadre", ImportReason.UnknownCadre, r.Cadre);
                    ok = false;
                }
                else if (cadre.Status != CadreStatus.Active)
                {
                    Problem("cadre", ImportReason.CadreNotActive, r.Cadre, cadre.Name);
                    ok = false;
                }
                else if (r.Name is { } written && written != cadre.Name)
                {
                    Problem("name", ImportReason.CadreNameDiffers, r.Cadre, cadre.Name, written);
                    ok = false;
                }
                else if (team is not null)
                {
                    if (seen.TryGetValue((r.Year, r.Division, r.Cadre), out var first))
                    {
                        Problem("cadre", ImportReason.DuplicateKey, r.Cadre, first.ToString(CultureInfo.InvariantCulture));
                        ok = false;
                    }
                    seen.TryAdd((r.Year, r.Division, r.Cadre), r.Line);
                    var was = team.Stored is { } t ? serving.GetValueOrDefault((t.Id, cadre.Id)) : null;
                    var since = r.Since ?? was?.Since ?? (thisYear == r.Year ? ChinaTime.Today(clock) : new DateOnly(r.Year, 1, 1));
                    if (since.Year != r.Year)
                    {
                        problems.Add(r.Line, map.HeaderOf("since"), ImportReason.InvalidValue,
                            [Term.Same(since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new Term($"{r.Year} 年内的日期", $"a day in {r.Year}")]);
                        ok = false;
                    }
                    if (ok)
                    {
                        team.Members.Add(new MemberPlan(r.Line, cadre.Id, r.Cadre, cadre.Name, r.Role, since, was));
                    }
                }
            }
            if (ok)
            {
                good++;
            }
        }

        // One head a team: the file's heads, and a serving head the file leaves as they are.
        foreach (var team in teams.Values)
        {
            var listed = team.Members.Select(m => m.CadreId).ToHashSet();
            var heads = current.Where(m => team.Stored is { } t && m.Member.TeamId == t.Id && m.Member.Role == TeamRole.Head && !listed.Contains(m.Member.CadreId))
                .Select(m => $"{m.Name}（{m.Code}）").ToList();
            foreach (var head in team.Members.Where(m => m.Role == TeamRole.Head))
            {
                if (heads.Count > 0)
                {
                    problems.Add(head.Line, map.HeaderOf("role"), ImportReason.TwoHeads, team.Label, heads[0]);
                }
                heads.Add($"{head.CadreName}（{head.Cadre}）");
            }
        }
        return new Plan(file, problems, teams.Values.OrderBy(t => t.Year).ThenBy(t => t.Division, StringComparer.Ordinal).ToList(), good);

        // A team's name or post, given on several rows, must read the same on each.
        bool Agree(string? value, long line, string? before, long beforeLine, string key, TeamPlan team, Action<string, long> keep)
        {
            if (value is null)
            {
                return true;
            }
            if (before is null)
            {
                keep(value, line);
                return true;
            }
            if (before == value)
            {
                return true;
            }
            problems.Add(line, map.HeaderOf(key), ImportReason.TeamDiffers, team.Label, beforeLine.ToString(CultureInfo.InvariantCulture), before);
            return false;
        }
    }

    /// <summary>What the plan adds (teams set up, members joining), changes (a team's name or post, a member's place or day) and leaves as it is.</summary>
    private static (long Adds, long Changes, long Same, List<RowAdded> Added, List<RowChange> Changed) Compare(Plan plan)
    {
        long adds = 0, changes = 0, same = 0;
        var added = new List<RowAdded>();
        var changed = new List<RowChange>();
        void Add(long line, string key)
        {
            adds++;
            if (added.Count < ImportPreview.ListLimit)
            {
                added.Add(new RowAdded(line, key));
            }
        }
        void Change(long line, string key, List<FieldChange> fields)
        {
            if (fields.Count == 0)
            {
                same++;
                return;
            }
            changes++;
            if (changed.Count < ImportPreview.ListLimit)
            {
                changed.Add(new RowChange(line, key, fields));
            }
        }
        static Term Column(string key) => Layout.First(c => c.Key == key).Name;
        foreach (var team in plan.Teams)
        {
            if (team.Stored is not { } stored)
            {
                Add(Math.Min(team.NameLine == 0 ? long.MaxValue : team.NameLine, team.Members.Select(m => m.Line).DefaultIfEmpty(0).Min()), team.Label + " " + (team.Name ?? DefaultName(team)));
            }
            else
            {
                var fields = new List<FieldChange>();
                if (team.Name is { } name && name != stored.Name)
                {
                    fields.Add(new FieldChange(Column("team"), Term.Same(stored.Name), Term.Same(name)));
                }
                if (team.HeadPost is { } post && post != stored.HeadPost)
                {
                    fields.Add(new FieldChange(Column("head_post"), Term.Same(stored.HeadPost ?? ""), Term.Same(post)));
                }
                if (fields.Count > 0)
                {
                    Change(Math.Max(team.NameLine, team.HeadPostLine), team.Label, fields);
                }
            }
            foreach (var m in team.Members)
            {
                var key = $"{team.Label} {m.Cadre}";
                if (m.Stored is not { } was)
                {
                    Add(m.Line, key);
                    continue;
                }
                var fields = new List<FieldChange>();
                if (was.Role != m.Role)
                {
                    fields.Add(new FieldChange(Column("role"), WorkTeamTerms.Role(was.Role, team.Level), WorkTeamTerms.Role(m.Role, team.Level)));
                }
                if (was.Since != m.Since)
                {
                    fields.Add(new FieldChange(Column("since"), Term.Same(was.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), Term.Same(m.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
                }
                Change(m.Line, key, fields);
            }
        }
        return (adds, changes, same, added, changed);
    }
}
