using System.Globalization;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Reporting;
using Liaison.Data.Reporting.Formulas;
using Liaison.Domain.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Domain.Reporting;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.People;

/// <summary>A cadre as a form or a command gives it. An empty phone on an edit keeps the phone on record.</summary>
public sealed record CadreInput(string Code, string Name, string UnitCode, CadreRank Rank, bool IsReserve, bool IsPolice, bool IsNewlyPromoted, int BirthYear, Gender Gender, string? Phone);

/// <summary>A household as a form or a command gives it. An empty head's name or phone on an edit keeps what is on record (personal data is never shown to be edited).</summary>
public sealed record HouseholdInput(string VillageCode, string HouseNo, string? HeadName, string? HeadPhone, int MemberCount, HouseholdCategory Categories);

/// <summary>A unit as a form or a command gives it.</summary>
public sealed record UnitInput(string Code, string Name, UnitLevel Level, UnitCategory Category, string DivisionCode);

/// <summary>
/// A change of a record's life: its day, its reason, the other record it names (the unit a cadre
/// moves to, the household merged into, the unit merged into), and the version the person saw
/// (null: do not check, as a command run by the operator).
/// </summary>
public sealed record RegistryChange(RegistryAction Action, DateOnly On, string? Reason, string? Other = null, int? Version = null);

/// <summary>A record an import changed: its id and key, its division, the fields changed (the keys of <see cref="RegistryWords.Fields"/>) and its new version.</summary>
public sealed record RegistryEdit(long Id, string Key, string Division, string Fields, int Version);

/// <summary>What a change did: its event, and what the plan lost with it (the villages to re-plan).</summary>
public sealed record RegistryOutcome(RegistryEvent Event, int TiesEnded, int PostingsEnded, IReadOnlyList<string> Replan, string? NewKey = null);

/// <summary>
/// The registries one record at a time: cadres hired, edited, transferred, retired, departed,
/// deceased, suspended and reinstated; households added, edited, moved out, merged and split; units
/// added, edited, renamed, merged, split and closed. Nothing is deleted: each change sets the
/// record's status with its day, appends a <see cref="RegistryEvent"/> and an audit entry, ends the
/// ties and postings that cannot go on (with the reason and day, so that who was tied when stays
/// answerable) and keeps the figures current, in one transaction. Every record is checked against
/// the <see cref="Scope"/> of who asks; a save over a record changed since it was read
/// (<see cref="RegistryChange.Version"/>) is refused with what changed.
/// </summary>
public static class RegistryStore
{
    private const string Reach = "a registry change: the office's reach is decided on the record (Scope.Covers) before anything is read or written";

    // ---- cadres ----

    /// <summary>A hire: a new active cadre of an open unit in reach.</summary>
    public static async Task<RegistryOutcome> AddCadreAsync(LiaisonDb db, TimeProvider clock, Actor actor, Scope? scope, CadreInput input, DateOnly on, string? reason, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var today = ChinaTime.Today(clock);
        var problems = CadreProblems(input, today, phoneRequired: false).Concat(RegistryRules.DayAndReason(on, today, reason, reasonNeeded: false)).ToList();
        var unit = await OpenUnitAsync(db, scope, input.UnitCode, "unit", problems, ct);
        if (input.Code.Length > 0 && await db.Cadres.AnyAsync(c => c.Code == input.Code, ct))
        {
            problems.Add(new Problem("code", $"干部编号 {input.Code} 已存在", $"staff number {input.Code} already exists") { Code = "duplicate" });
        }
        Refuse(problems);
        var cadre = new Cadre
        {
            Code = input.Code,
            Name = input.Name,
            UnitId = unit!.Id,
            Rank = input.Rank,
            IsReserve = input.IsReserve,
            IsPolice = input.IsPolice,
            IsNewlyPromoted = input.IsNewlyPromoted,
            BirthYear = input.BirthYear,
            Gender = input.Gender,
            Phone = Blank(input.Phone),
            Status = CadreStatus.Active,
            StatusSince = on,
            Version = 1,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Cadres.Add(cadre);
        await db.SaveChangesAsync(ct);
        var e = await EventAsync(db, clock, actor, RegistryKind.Cadre, cadre.Id, cadre.Code, unit.DivisionCode, RegistryAction.Added, on, reason, null, "code,name,unit,rank,reserve,police,newlyPromoted,birthYear,gender,phone", cadre.Version, ct);
        await RollupStore.RefreshAsync(db, RollupFamily.People, ct);
        await AuditAsync(db, clock, actor, "cadre.add", "cadre", cadre.Code, unit.DivisionCode, null, CadreSnapshot(cadre, unit.Code), reason, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new RegistryOutcome(e, 0, 0, []);
    }

    /// <summary>Corrects a cadre's fields (not the unit: that is a transfer, with its day and reason).</summary>
    public static async Task<RegistryOutcome> EditCadreAsync(LiaisonDb db, TimeProvider clock, Actor actor, Scope? scope, string code, CadreInput input, int? version, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var (cadre, unit) = await CadreInReachAsync(db, scope, code, ct);
        await CheckVersionAsync(db, RegistryKind.Cadre, cadre.Id, cadre.Version, version, ct);
        var (_, notOpen) = RegistryRules.CadreNext(cadre.Status, RegistryAction.Edited);
        var today = ChinaTime.Today(clock);
        var problems = CadreProblems(input with { Code = cadre.Code, UnitCode = unit.Code }, today, phoneRequired: false).ToList();
        if (notOpen is not null)
        {
            problems.Add(notOpen);
        }
        Refuse(problems);
        var before = CadreSnapshot(cadre, unit.Code);
        var fields = new List<string>();
        Set(fields, "name", cadre.Name, input.Name, v => cadre.Name = v);
        Set(fields, "rank", cadre.Rank, input.Rank, v => cadre.Rank = v);
        Set(fields, "reserve", cadre.IsReserve, input.IsReserve, v => cadre.IsReserve = v);
        Set(fields, "police", cadre.IsPolice, input.IsPolice, v => cadre.IsPolice = v);
        Set(fields, "newlyPromoted", cadre.IsNewlyPromoted, input.IsNewlyPromoted, v => cadre.IsNewlyPromoted = v);
        Set(fields, "birthYear", cadre.BirthYear, input.BirthYear, v => cadre.BirthYear = v);
        Set(fields, "gender", cadre.Gender, input.Gender, v => cadre.Gender = v);
        if (Blank(input.Phone) is { } phone)
        {
            Set(fields, "phone", cadre.Phone, phone, v => cadre.Phone = v);
        }
        if (fields.Count == 0)
        {
            throw new RefusedException(Unchanged());
        }
        cadre.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var e = await EventAsync(db, clock, actor, RegistryKind.Cadre, cadre.Id, cadre.Code, unit.DivisionCode, RegistryAction.Edited, today, null, null, string.Join(',', fields), cadre.Version, ct);
        // A rank or a police officer's mark decides what the planner gives the cadre; the ties wait for the next re-plan.
        await RollupStore.RefreshAsync(db, RollupFamily.People, ct);
        await AuditAsync(db, clock, actor, "cadre.edit", "cadre", cadre.Code, unit.DivisionCode, before, CadreSnapshot(cadre, unit.Code), null, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new RegistryOutcome(e, 0, 0, []);
    }

    /// <summary>
    /// A change of a cadre's life: transfer (to <see cref="RegistryChange.Other"/>, a unit code),
    /// retire, leave, die, suspend, reinstate. A transfer, retirement, departure or death ends the
    /// cadre's current ties and First Secretary postings on the day, with the reason; a suspension
    /// takes the cadre out of the plan at the next re-plan.
    /// </summary>
    public static Task<RegistryOutcome> ChangeCadreAsync(LiaisonDb db, TimeProvider clock, Actor actor, Scope? scope, string code, RegistryChange change, CancellationToken ct) =>
        ChangeCadreAsync(db, clock, actor, scope, code, change, inImport: false, ct);

    /// <summary>
    /// A cadre of a complete roster that the file does not list leaves (离职) on the import's day, with
    /// the reason, as any departure does; inside the import's transaction, which recounts the figures once.
    /// </summary>
    internal static Task<RegistryOutcome> EndCadreForImportAsync(LiaisonDb db, TimeProvider clock, Actor actor, string code, DateOnly on, string reason, CancellationToken ct) =>
        ChangeCadreAsync(db, clock, actor, Scope.Everything, code, new RegistryChange(RegistryAction.Left, on, reason), inImport: true, ct);

    /// <summary>
    /// The change itself. <paramref name="inImport"/>: the caller's transaction holds it (an import,
    /// all or nothing) and recounts every figure at its end, so no transaction of its own and no recount here.
    /// </summary>
    private static async Task<RegistryOutcome> ChangeCadreAsync(LiaisonDb db, TimeProvider clock, Actor actor, Scope? scope, string code, RegistryChange change, bool inImport, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var (cadre, unit) = await CadreInReachAsync(db, scope, code, ct);
        await CheckVersionAsync(db, RegistryKind.Cadre, cadre.Id, cadre.Version, change.Version, ct);
        var today = ChinaTime.Today(clock);
        var problems = RegistryRules.DayAndReason(change.On, today, change.Reason, reasonNeeded: true).ToList();
        var (next, notOpen) = change.Action is RegistryAction.Transferred or RegistryAction.Retired or RegistryAction.Left or RegistryAction.Died
            or RegistryAction.Suspended or RegistryAction.Reinstated
            ? RegistryRules.CadreNext(cadre.Status, change.Action)
            : (cadre.Status, new Problem("action", "干部不能这样变动", "a cadre cannot change that way") { Code = "not-open" });
        if (notOpen is not null)
        {
            problems.Add(notOpen);
        }
        Unit? to = null;
        if (change.Action == RegistryAction.Transferred)
        {
            to = await OpenUnitAsync(db, scope, change.Other ?? "", "to", problems, ct);
            if (to is not null && to.Id == unit.Id)
            {
                problems.Add(new Problem("to", "调入单位与现单位相同", "the unit to move to is the cadre's own") { Code = "same-unit" });
            }
        }
        Refuse(problems);
        var reason = change.Reason!.Trim();
        var before = CadreSnapshot(cadre, unit.Code);
        cadre.Status = next;
        cadre.StatusSince = change.On;
        if (to is not null)
        {
            cadre.UnitId = to.Id;
        }
        cadre.Version++;
        await using var tx = inImport ? null : await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var fields = to is not null ? "unit" : "status";
        var e = await EventAsync(db, clock, actor, RegistryKind.Cadre, cadre.Id, cadre.Code, unit.DivisionCode, change.Action, change.On, reason, to?.Code, fields, cadre.Version, ct);
        var (ties, postings, replan) = RegistryRules.EndsTies(change.Action)
            ? await EndTiesAsync(db, clock, actor, cadre.Id, null, change.Action, change.On, reason, ct)
            : (0, 0, []);
        var accounts = RegistryRules.EndsService(change.Action) ? await DisableCadreAccountsAsync(db, clock, actor, cadre.Id, reason, ct) : 0;
        // Whether and where the cadre counts as taking part follows their status and unit.
        await Field.ParticipationRollups.MarkAsync(db, [cadre.Id], ct);
        if (!inImport)
        {
            await RollupStore.RefreshAsync(db, RollupFamily.People | (ties > 0 ? RollupFamily.Liaisons : 0) | (postings > 0 ? RollupFamily.Secretaries : 0), ct);
        }
        await AuditAsync(db, clock, actor, "cadre." + RegistryWords.Key(change.Action), "cadre", cadre.Code, unit.DivisionCode, before,
            new { snapshot = CadreSnapshot(cadre, to?.Code ?? unit.Code), on = change.On, tiesEnded = ties, postingsEnded = postings, replan, accountsDisabled = accounts }, reason, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        return new RegistryOutcome(e, ties, postings, replan);
    }

    /// <summary>
    /// A cadre who has left the service signs in no more: their cadre accounts are disabled, live
    /// sessions end at their next request (a new security stamp) and API tokens are revoked at once —
    /// what <c>users disable</c> does, audited as it is, with the registry's reason.
    /// </summary>
    private static async Task<int> DisableCadreAccountsAsync(LiaisonDb db, TimeProvider clock, Actor actor, int cadreId, string reason, CancellationToken ct)
    {
        var accounts = await db.Users.Where(a => a.CadreId == cadreId && !a.IsDisabled).ToListAsync(ct);
        if (accounts.Count == 0)
        {
            return 0;
        }
        foreach (var account in accounts)
        {
            account.IsDisabled = true;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
        }
        await db.SaveChangesAsync(ct);
        var ids = accounts.Select(a => a.Id).ToList();
        var now = clock.GetUtcNow();
        await db.ApiTokens.Where(t => ids.Contains(t.AccountId) && t.RevokedAt == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.RevokedAt, now), ct);
        foreach (var account in accounts)
        {
            await AuditLog.AppendAsync(db, clock, actor, new AuditRecord("account.disable", "account", account.UserName ?? "", account.ScopeDivisionCode,
                new { disabled = false }, new { disabled = true, reason }), ct);
        }
        return accounts.Count;
    }

    // ---- households ----

    /// <summary>A new household of a village in reach (a family that moved in, a household registered late).</summary>
    public static async Task<RegistryOutcome> AddHouseholdAsync(LiaisonDb db, TimeProvider clock, Actor actor, Scope? scope, HouseholdInput input, DateOnly on, string? reason, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var today = ChinaTime.Today(clock);
        var problems = HouseholdProblems(input, headRequired: true).Concat(RegistryRules.DayAndReason(on, today, reason, reasonNeeded: false)).ToList();
        await VillageInReachAsync(db, scope, input.VillageCode, problems, ct);
        await HouseNoFreeAsync(db, input, problems, ct);
        Refuse(problems);
        var household = NewHousehold(input, on);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var counted = await HouseholdFiguresAsync(db, [input.VillageCode], ct);
        db.Households.Add(household);
        await db.SaveChangesAsync(ct);
        var e = await EventAsync(db, clock, actor, RegistryKind.Household, household.Id, HouseholdKey(household), household.VillageCode, RegistryAction.Added, on, reason, null, "houseNo,headName,headPhone,members,categories", household.Version, ct);
        await RecountHouseholdsAsync(db, [input.VillageCode], counted, ct);
        await AuditAsync(db, clock, actor, "household.add", "household", household.Id.ToString(CultureInfo.InvariantCulture), household.VillageCode, null, HouseholdSnapshot(household), reason, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new RegistryOutcome(e, 0, 0, []);
    }

    /// <summary>Corrects a current household's fields; its village and house number stay (personal data is bound to them).</summary>
    public static async Task<RegistryOutcome> EditHouseholdAsync(LiaisonDb db, TimeProvider clock, Actor actor, Scope? scope, long id, HouseholdInput input, int? version, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var household = await HouseholdInReachAsync(db, scope, id, ct);
        await CheckVersionAsync(db, RegistryKind.Household, household.Id, household.Version, version, ct);
        var problems = HouseholdProblems(input with { VillageCode = household.VillageCode, HouseNo = household.HouseNo }, headRequired: false).ToList();
        if (RegistryRules.HouseholdNext(household.Status, RegistryAction.Edited).Problem is { } notOpen)
        {
            problems.Add(notOpen);
        }
        Refuse(problems);
        var before = HouseholdSnapshot(household);
        var fields = new List<string>();
        if (Blank(input.HeadName) is { } head)
        {
            Set(fields, "headName", household.HeadName, head, v => household.HeadName = v);
        }
        if (Blank(input.HeadPhone) is { } phone)
        {
            Set(fields, "headPhone", household.HeadPhone, phone, v => household.HeadPhone = v);
        }
        Set(fields, "members", household.MemberCount, input.MemberCount, v => household.MemberCount = v);
        Set(fields, "categories", household.Categories, input.Categories, v => household.Categories = v);
        if (fields.Count == 0)
        {
            throw new RefusedException(Unchanged());
        }
        household.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var counted = await HouseholdFiguresAsync(db, [household.VillageCode], ct);
        await db.SaveChangesAsync(ct);
        var e = await EventAsync(db, clock, actor, RegistryKind.Household, household.Id, HouseholdKey(household), household.VillageCode, RegistryAction.Edited, ChinaTime.Today(clock), null, null, string.Join(',', fields), household.Version, ct);
        await RecountHouseholdsAsync(db, [household.VillageCode], counted, ct);
        await AuditAsync(db, clock, actor, "household.edit", "household", household.Id.ToString(CultureInfo.InvariantCulture), household.VillageCode, before, HouseholdSnapshot(household), null, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new RegistryOutcome(e, 0, 0, []);
    }

    /// <summary>
    /// A household's change: move out, merge into another current household of the village
    /// (<see cref="RegistryChange.Other"/>, its house number; the survivor takes the members), or
    /// split (<paramref name="split"/>: the new household, whose members leave the old one).
    /// The household's row stays: its visits and cases keep pointing at it as it was.
    /// </summary>
    public static Task<RegistryOutcome> ChangeHouseholdAsync(LiaisonDb db, TimeProvider clock, Actor actor, Scope? scope, long id, RegistryChange change,
        HouseholdInput? split, CancellationToken ct) =>
        ChangeHouseholdAsync(db, clock, actor, scope, id, change, split, inImport: false, ct);

    /// <summary>A household of a complete roster that the file does not list moves out on the import's day, with the reason; inside the import's transaction.</summary>
    internal static Task<RegistryOutcome> EndHouseholdForImportAsync(LiaisonDb db, TimeProvider clock, Actor actor, long id, DateOnly on, string reason, CancellationToken ct) =>
        ChangeHouseholdAsync(db, clock, actor, Scope.Everything, id, new RegistryChange(RegistryAction.MovedOut, on, reason), null, inImport: true, ct);

    private static async Task<RegistryOutcome> ChangeHouseholdAsync(LiaisonDb db, TimeProvider clock, Actor actor, Scope? scope, long id, RegistryChange change,
        HouseholdInput? split, bool inImport, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var household = await HouseholdInReachAsync(db, scope, id, ct);
        await CheckVersionAsync(db, RegistryKind.Household, household.Id, household.Version, change.Version, ct);
        var today = ChinaTime.Today(clock);
        var problems = RegistryRules.DayAndReason(change.On, today, change.Reason, reasonNeeded: true).ToList();
        var (next, notOpen) = change.Action is RegistryAction.MovedOut or RegistryAction.Merged or RegistryAction.Split
            ? RegistryRules.HouseholdNext(household.Status, change.Action)
            : (household.Status, new Problem("action", "农户不能这样变动", "a household cannot change that way") { Code = "not-open" });
        if (notOpen is not null)
        {
            problems.Add(notOpen);
        }
        Household? into = null;
        if (change.Action == RegistryAction.Merged)
        {
            var houseNo = (change.Other ?? "").Trim();
            into = await db.Households.FirstOrDefaultAsync(h => h.VillageCode == household.VillageCode && h.HouseNo == houseNo && h.Id != household.Id, ct);
            if (into is null || into.Status != HouseholdStatus.Current)
            {
                problems.Add(new Problem("into", $"本村没有门牌号为 {houseNo} 的在册农户", $"the village has no current household at house number {houseNo}") { Code = "unknown-household" });
            }
        }
        if (change.Action == RegistryAction.Split)
        {
            if (split is null)
            {
                problems.Add(new Problem("houseNo", "请填写分出的新户", "give the new household that splits off") { Code = "required" });
            }
            else
            {
                split = split with { VillageCode = household.VillageCode };
                problems.AddRange(HouseholdProblems(split, headRequired: true));
                await HouseNoFreeAsync(db, split, problems, ct);
                if (split.MemberCount >= household.MemberCount)
                {
                    problems.Add(new Problem("members", $"分出的人数须少于原户的 {household.MemberCount} 人", $"the new household must have fewer members than the {household.MemberCount} of the old one") { Code = "too-many" });
                }
            }
        }
        Refuse(problems);
        var reason = change.Reason!.Trim();
        var before = HouseholdSnapshot(household);
        await using var tx = inImport ? null : await db.Database.BeginTransactionAsync(ct);
        var counted = inImport ? null : await HouseholdFiguresAsync(db, [household.VillageCode], ct);
        household.Status = next;
        household.StatusSince = change.On;
        household.Version++;
        var fields = "status";
        Household? created = null;
        if (into is not null)
        {
            db.HouseholdLinks.Add(new HouseholdLink { HouseholdId = household.Id, Kind = HouseholdLinkKind.MergedInto, OtherId = into.Id });
            into.MemberCount += household.MemberCount;
            into.Version++;
        }
        if (split is not null)
        {
            created = NewHousehold(split, change.On);
            household.MemberCount -= split.MemberCount;
            fields = "members";
            db.Households.Add(created);
        }
        await db.SaveChangesAsync(ct);
        if (created is not null)
        {
            db.HouseholdLinks.Add(new HouseholdLink { HouseholdId = created.Id, Kind = HouseholdLinkKind.SplitFrom, OtherId = household.Id });
            await db.SaveChangesAsync(ct);
        }
        var e = await EventAsync(db, clock, actor, RegistryKind.Household, household.Id, HouseholdKey(household), household.VillageCode, change.Action, change.On, reason,
            into?.HouseNo ?? created?.HouseNo, fields, household.Version, ct);
        if (into is not null)
        {
            await EventAsync(db, clock, actor, RegistryKind.Household, into.Id, HouseholdKey(into), into.VillageCode, RegistryAction.Merged, change.On, reason, household.HouseNo, "members", into.Version, ct);
        }
        if (created is not null)
        {
            await EventAsync(db, clock, actor, RegistryKind.Household, created.Id, HouseholdKey(created), created.VillageCode, RegistryAction.Split, change.On, reason, household.HouseNo,
                "houseNo,headName,headPhone,members,categories", created.Version, ct);
        }
        if (counted is not null)
        {
            await RecountHouseholdsAsync(db, [household.VillageCode], counted, ct);
        }
        await AuditAsync(db, clock, actor, "household." + RegistryWords.Key(change.Action), "household", household.Id.ToString(CultureInfo.InvariantCulture), household.VillageCode, before,
            new { snapshot = HouseholdSnapshot(household), on = change.On, into = into?.Id, created = created?.Id }, reason, ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        return new RegistryOutcome(e, 0, 0, [], created?.Id.ToString(CultureInfo.InvariantCulture));
    }

    // ---- units ----

    public static async Task<RegistryOutcome> AddUnitAsync(LiaisonDb db, TimeProvider clock, Actor actor, Scope? scope, UnitInput input, DateOnly on, string? reason, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var today = ChinaTime.Today(clock);
        var problems = (await UnitProblemsAsync(db, scope, input, ct)).Concat(RegistryRules.DayAndReason(on, today, reason, reasonNeeded: false)).ToList();
        if (input.Code.Length > 0 && await db.Units.AnyAsync(u => u.Code == input.Code, ct))
        {
            problems.Add(new Problem("code", $"单位编码 {input.Code} 已存在", $"unit code {input.Code} already exists") { Code = "duplicate" });
        }
        Refuse(problems);
        var unit = new Unit { Code = input.Code, Name = input.Name, Level = input.Level, Category = input.Category, DivisionCode = input.DivisionCode, StatusSince = on, Version = 1 };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        var e = await EventAsync(db, clock, actor, RegistryKind.Unit, unit.Id, unit.Code, unit.DivisionCode, RegistryAction.Added, on, reason, null, "code,unitName,level,category,division", unit.Version, ct);
        await RollupStore.RefreshAsync(db, RollupFamily.People, ct);
        await AuditAsync(db, clock, actor, "unit.add", "unit", unit.Code, unit.DivisionCode, null, UnitSnapshot(unit), reason, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new RegistryOutcome(e, 0, 0, []);
    }

    /// <summary>Corrects a unit's name and category (a rename with its day and reason is <see cref="RegistryAction.Renamed"/>).</summary>
    public static async Task<RegistryOutcome> EditUnitAsync(LiaisonDb db, TimeProvider clock, Actor actor, Scope? scope, string code, UnitInput input, int? version, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var unit = await UnitInReachAsync(db, scope, code, ct);
        await CheckVersionAsync(db, RegistryKind.Unit, unit.Id, unit.Version, version, ct);
        var problems = (await UnitProblemsAsync(db, scope, input with { Code = unit.Code, Level = unit.Level, DivisionCode = unit.DivisionCode }, ct)).ToList();
        if (RegistryRules.UnitNext(unit.Status, RegistryAction.Edited).Problem is { } notOpen)
        {
            problems.Add(notOpen);
        }
        Refuse(problems);
        var before = UnitSnapshot(unit);
        var fields = new List<string>();
        Set(fields, "unitName", unit.Name, input.Name, v => unit.Name = v);
        Set(fields, "category", unit.Category, input.Category, v => unit.Category = v);
        if (fields.Count == 0)
        {
            throw new RefusedException(Unchanged());
        }
        unit.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var e = await EventAsync(db, clock, actor, RegistryKind.Unit, unit.Id, unit.Code, unit.DivisionCode, RegistryAction.Edited, ChinaTime.Today(clock), null, null, string.Join(',', fields), unit.Version, ct);
        await AuditAsync(db, clock, actor, "unit.edit", "unit", unit.Code, unit.DivisionCode, before, UnitSnapshot(unit), null, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new RegistryOutcome(e, 0, 0, []);
    }

    /// <summary>
    /// A unit's change: rename (<see cref="RegistryChange.Other"/> the new name), merge into another
    /// open unit (<see cref="RegistryChange.Other"/> its code: the cadres move there, the unit's
    /// pairings end), split (<paramref name="split"/> the new unit, <paramref name="moving"/> the staff
    /// numbers of the cadres who go with it), close (only a unit with no active cadre left; its pairings end).
    /// </summary>
    public static async Task<RegistryOutcome> ChangeUnitAsync(LiaisonDb db, TimeProvider clock, Actor actor, Scope? scope, string code, RegistryChange change,
        UnitInput? split, IReadOnlyCollection<string>? moving, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Reach);
        var unit = await UnitInReachAsync(db, scope, code, ct);
        await CheckVersionAsync(db, RegistryKind.Unit, unit.Id, unit.Version, change.Version, ct);
        var today = ChinaTime.Today(clock);
        var problems = RegistryRules.DayAndReason(change.On, today, change.Reason, reasonNeeded: true).ToList();
        var (next, notOpen) = change.Action is RegistryAction.Renamed or RegistryAction.Merged or RegistryAction.Split or RegistryAction.Closed
            ? RegistryRules.UnitNext(unit.Status, change.Action)
            : (unit.Status, new Problem("action", "单位不能这样变动", "a unit cannot change that way") { Code = "not-open" });
        if (notOpen is not null)
        {
            problems.Add(notOpen);
        }
        var newName = (change.Other ?? "").Trim();
        if (change.Action == RegistryAction.Renamed && (newName.Length is 0 or > 100 || newName == unit.Name))
        {
            problems.Add(new Problem("name", "请填写新的单位名称（不超过 100 字，与原名不同）", "give the unit's new name (at most 100 characters, not the old one)") { Code = "required" });
        }
        Unit? into = null;
        if (change.Action == RegistryAction.Merged)
        {
            into = await OpenUnitAsync(db, scope, newName, "into", problems, ct);
            if (into is not null && into.Id == unit.Id)
            {
                problems.Add(new Problem("into", "不能并入本单位", "a unit cannot merge into itself") { Code = "same-unit" });
            }
        }
        var active = await db.Cadres.Where(c => c.UnitId == unit.Id && c.Status != CadreStatus.Retired && c.Status != CadreStatus.Left && c.Status != CadreStatus.Deceased).ToListAsync(ct);
        if (change.Action == RegistryAction.Closed && active.Count > 0)
        {
            problems.Add(new Problem("action", $"单位仍有 {active.Count} 名干部：先调动他们，或将单位并入另一单位", $"the unit still has {active.Count} cadres: transfer them first, or merge the unit into another")
            { Code = "has-cadres" });
        }
        List<Cadre> movers = [];
        if (change.Action == RegistryAction.Split)
        {
            if (split is null)
            {
                problems.Add(new Problem("code", "请填写分出的新单位", "give the new unit that splits off") { Code = "required" });
            }
            else
            {
                problems.AddRange(await UnitProblemsAsync(db, scope, split, ct));
                if (split.Code.Length > 0 && await db.Units.AnyAsync(u => u.Code == split.Code, ct))
                {
                    problems.Add(new Problem("code", $"单位编码 {split.Code} 已存在", $"unit code {split.Code} already exists") { Code = "duplicate" });
                }
                var codes = (moving ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
                movers = active.Where(c => codes.Contains(c.Code)).ToList();
                foreach (var missing in codes.Except(movers.Select(c => c.Code)))
                {
                    problems.Add(new Problem("cadres", $"{missing} 不是本单位的在职干部", $"{missing} is not a serving cadre of this unit") { Code = "unknown-cadre" });
                }
            }
        }
        Refuse(problems);
        var reason = change.Reason!.Trim();
        var before = UnitSnapshot(unit);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        unit.Status = next;
        unit.StatusSince = change.On;
        unit.Version++;
        var fields = "status";
        Unit? created = null;
        if (change.Action == RegistryAction.Renamed)
        {
            unit.Name = newName;
            fields = "unitName";
        }
        if (into is not null)
        {
            unit.MergedIntoId = into.Id;
            movers = active;
        }
        if (split is not null)
        {
            created = new Unit { Code = split.Code, Name = split.Name, Level = split.Level, Category = split.Category, DivisionCode = split.DivisionCode, StatusSince = change.On, Version = 1 };
            db.Units.Add(created);
            fields = "unit";
        }
        await db.SaveChangesAsync(ct);
        var target = into ?? created;
        foreach (var cadre in movers)
        {
            cadre.UnitId = target!.Id;
            cadre.Version++;
        }
        await db.SaveChangesAsync(ct);
        var e = await EventAsync(db, clock, actor, RegistryKind.Unit, unit.Id, unit.Code, unit.DivisionCode, change.Action, change.On, reason, into?.Code ?? created?.Code, fields, unit.Version, ct);
        if (into is not null)
        {
            await EventAsync(db, clock, actor, RegistryKind.Unit, into.Id, into.Code, into.DivisionCode, RegistryAction.Merged, change.On, reason, unit.Code, "status", into.Version, ct);
        }
        if (created is not null)
        {
            await EventAsync(db, clock, actor, RegistryKind.Unit, created.Id, created.Code, created.DivisionCode, RegistryAction.Split, change.On, reason, unit.Code, "code,unitName,level,category,division", created.Version, ct);
        }
        var ties = 0;
        var postings = 0;
        List<string> replan = [];
        foreach (var cadre in movers)
        {
            // The cadres who move serve elsewhere now: their ties end as on a transfer, for the re-plan to place again.
            await EventAsync(db, clock, actor, RegistryKind.Cadre, cadre.Id, cadre.Code, unit.DivisionCode, RegistryAction.Transferred, change.On, reason, target!.Code, "unit", cadre.Version, ct);
            var (t, p, r) = await EndTiesAsync(db, clock, actor, cadre.Id, null, RegistryAction.Transferred, change.On, reason, ct);
            (ties, postings) = (ties + t, postings + p);
            replan.AddRange(r);
        }
        if (change.Action is RegistryAction.Merged or RegistryAction.Closed)
        {
            var (t, _, r) = await EndTiesAsync(db, clock, actor, null, unit.Id, change.Action, change.On, reason, ct);
            ties += t;
            replan.AddRange(r);
        }
        replan = replan.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        await Field.ParticipationRollups.MarkAsync(db, movers.Select(c => c.Id), ct);
        await RollupStore.RefreshAsync(db, RollupFamily.People | (ties > 0 ? RollupFamily.Liaisons : 0) | (postings > 0 ? RollupFamily.Secretaries : 0), ct);
        await AuditAsync(db, clock, actor, "unit." + RegistryWords.Key(change.Action), "unit", unit.Code, unit.DivisionCode, before,
            new { snapshot = UnitSnapshot(unit), on = change.On, into = into?.Code, created = created?.Code, cadresMoved = movers.Select(c => c.Code), tiesEnded = ties, postingsEnded = postings }, reason, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new RegistryOutcome(e, ties, postings, replan, created?.Code);
    }

    // ---- imports ----

    /// <summary>
    /// The records an import changed, each with its new version (the import wrote it with the row):
    /// one <see cref="RegistryAction.Edited"/> event each, naming the fields and the file, so that a
    /// form opened before the import is refused on saving with what the import changed
    /// (<see cref="CheckVersionAsync"/>). Inside the import's transaction, audited by the import.
    /// </summary>
    internal static async Task ImportedAsync(LiaisonDb db, TimeProvider clock, Actor actor, RegistryKind kind, IReadOnlyList<RegistryEdit> edits, string file, CancellationToken ct)
    {
        var today = ChinaTime.Today(clock);
        var at = clock.GetUtcNow();
        var reason = $"导入文件 {file}";
        reason = reason.Length > RegistryRules.MaxReason ? reason[..RegistryRules.MaxReason] : reason;
        foreach (var chunk in edits.Chunk(5000))
        {
            db.RegistryEvents.AddRange(chunk.Select(e => new RegistryEvent
            {
                Kind = kind,
                RecordId = e.Id,
                RecordKey = e.Key,
                DivisionCode = e.Division,
                Action = RegistryAction.Edited,
                On = today,
                Reason = reason,
                Fields = e.Fields,
                Version = e.Version,
                At = at,
                Actor = actor.Name,
            }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    // ---- history ----

    /// <summary>A record's history, newest first (the caller has checked the record is in reach).</summary>
    public static async Task<List<RegistryEvent>> HistoryAsync(LiaisonDb db, RegistryKind kind, long recordId, CancellationToken ct) =>
        (await db.RegistryEvents.AsNoTracking().Where(e => e.Kind == kind && e.RecordId == recordId).ToListAsync(ct))
            .OrderByDescending(e => e.On).ThenByDescending(e => e.Id).ToList();

    // ---- the parts ----

    /// <summary>
    /// Ends the current ties of a cadre (or the pairings of a unit) and the cadre's current First
    /// Secretary postings on <paramref name="on"/> (never before they started), with the reason.
    /// Returns the villages and divisions left to re-plan.
    /// </summary>
    private static async Task<(int Ties, int Postings, List<string> Replan)> EndTiesAsync(LiaisonDb db, TimeProvider clock, Actor actor, int? cadreId, int? unitId,
        RegistryAction action, DateOnly on, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var why = $"{RegistryWords.Actions[action].Zh}：{reason}";
        why = why.Length > Liaisons.TieEdits.MaxReason ? why[..Liaisons.TieEdits.MaxReason] : why;
        var ties = await db.LiaisonTies.Where(t => t.Until == null && (cadreId != null ? t.CadreId == cadreId : t.UnitId == unitId && t.Kind == Domain.Liaisons.TieKind.Pairing)).ToListAsync(ct);
        foreach (var tie in ties)
        {
            tie.Until = RegistryRules.EndOf(tie.Since, on);
            tie.EndReason = why;
            tie.ChangedAt = now;
            tie.ChangedBy = actor.Name;
        }
        var postings = cadreId is null ? [] : await db.SecretaryPostings.Where(p => p.Until == null && p.CadreId == cadreId).ToListAsync(ct);
        foreach (var posting in postings)
        {
            posting.Until = RegistryRules.EndOf(posting.Since, on);
            posting.EndReason = why;
            posting.ChangedAt = now;
            posting.ChangedBy = actor.Name;
        }
        await db.SaveChangesAsync(ct);
        var places = ties.Select(t => t.DivisionCode).Concat(postings.Select(p => p.VillageCode)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // Who has a residence minimum where, and who visits, changes with the tie.
        await Field.FieldRollups.MarkAsync(db, places.Where(c => c.Length == 12), ct);
        return (ties.Count, postings.Count, places);
    }

    private static async Task CheckVersionAsync(LiaisonDb db, RegistryKind kind, long id, int current, int? seen, CancellationToken ct)
    {
        if (seen is not { } version || version == current)
        {
            return;
        }
        var since = await db.RegistryEvents.AsNoTracking().Where(e => e.Kind == kind && e.RecordId == id && e.Version > version).OrderBy(e => e.Version).ToListAsync(ct);
        string Of(bool english) => since.Count == 0 ? "?" : string.Join(english ? "; " : "；", since.Select(e =>
            $"{e.At.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} {e.Actor} {RegistryWords.Actions[e.Action].In(english)}" +
            (e.Fields is null ? "" : english ? $" ({RegistryWords.FieldList(e.Fields, true)})" : $"（{RegistryWords.FieldList(e.Fields, false)}）")));
        throw new RefusedException(new Problem("version", $"您打开此页后，该记录已被修改：{Of(false)}。未保存；请查看最新内容后重新填写",
            $"the record changed after you opened it: {Of(true)}. Not saved; look at it as it is now and fill in again")
        { Code = "changed" });
    }

    private static async Task<RegistryEvent> EventAsync(LiaisonDb db, TimeProvider clock, Actor actor, RegistryKind kind, long id, string key, string division,
        RegistryAction action, DateOnly on, string? reason, string? other, string? fields, int version, CancellationToken ct)
    {
        var e = new RegistryEvent
        {
            Kind = kind,
            RecordId = id,
            RecordKey = key,
            DivisionCode = division,
            Action = action,
            On = on,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            OtherKey = other,
            Fields = fields,
            Version = version,
            At = clock.GetUtcNow(),
            Actor = actor.Name,
        };
        db.RegistryEvents.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    private static Task AuditAsync(LiaisonDb db, TimeProvider clock, Actor actor, string action, string entity, string key, string division, object? before, object? after, string? reason, CancellationToken ct) =>
        AuditLog.AppendAsync(db, clock, actor, new AuditRecord(action, entity, key, division, before, new { after, reason }), ct);

    private static async Task<(Cadre Cadre, Unit Unit)> CadreInReachAsync(LiaisonDb db, Scope? scope, string code, CancellationToken ct)
    {
        code = code.Trim();
        var found = await (from c in db.Cadres join u in db.Units on c.UnitId equals u.Id where c.Code == code select new { c, u }).FirstOrDefaultAsync(ct);
        if (found is null || scope?.Covers(found.u.DivisionCode) != true)
        {
            throw new RefusedException(new Problem("code", $"干部 {code} 不存在或不在您的管辖范围内", $"cadre {code} does not exist or is outside your jurisdiction") { Code = "not-found" });
        }
        return (found.c, found.u);
    }

    private static async Task<Household> HouseholdInReachAsync(LiaisonDb db, Scope? scope, long id, CancellationToken ct)
    {
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null || scope?.Covers(household.VillageCode) != true)
        {
            throw new RefusedException(new Problem("household", $"农户 {id} 不存在或不在您的管辖范围内", $"household {id} does not exist or is outside your jurisdiction") { Code = "not-found" });
        }
        return household;
    }

    private static async Task<Unit> UnitInReachAsync(LiaisonDb db, Scope? scope, string code, CancellationToken ct)
    {
        code = code.Trim();
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Code == code, ct);
        if (unit is null || scope?.Covers(unit.DivisionCode) != true)
        {
            throw new RefusedException(UnitNotFound("code", code));
        }
        return unit;
    }

    /// <summary>An open unit in reach, by its code; a problem on <paramref name="field"/> otherwise.</summary>
    private static async Task<Unit?> OpenUnitAsync(LiaisonDb db, Scope? scope, string code, string field, List<Problem> problems, CancellationToken ct)
    {
        code = code.Trim();
        var unit = code.Length == 0 ? null : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct);
        if (unit is null || scope?.Covers(unit.DivisionCode) != true)
        {
            problems.Add(UnitNotFound(field, code));
            return null;
        }
        if (unit.Status != UnitStatus.Open)
        {
            problems.Add(new Problem(field, $"单位 {unit.Name} {RegistryWords.UnitStatuses[unit.Status].Zh}", $"unit {unit.Name} is {RegistryWords.UnitStatuses[unit.Status].En}") { Code = "unit-not-open" });
            return null;
        }
        return unit;
    }

    private static Problem UnitNotFound(string field, string code) =>
        new(field, $"单位 {code} 不存在或不在您的管辖范围内", $"unit {code} does not exist or is outside your jurisdiction") { Code = "not-found" };

    private static async Task VillageInReachAsync(LiaisonDb db, Scope? scope, string code, List<Problem> problems, CancellationToken ct)
    {
        var village = await db.Divisions.AsNoTracking().Where(d => d.Code == code).Select(d => new { d.Level, d.WithdrawnOn, d.MergedInto }).FirstOrDefaultAsync(ct);
        if (village is null || scope?.Covers(code) != true)
        {
            problems.Add(new Problem("village", $"村 {code} 不存在或不在您的管辖范围内", $"village {code} does not exist or is outside your jurisdiction") { Code = "not-found" });
        }
        else if (village.Level != DivisionLevel.Village)
        {
            problems.Add(new Problem("village", $"{code} 不是村（社区）", $"{code} is not a village") { Code = "not-a-village" });
        }
        else if (village.WithdrawnOn is { } gone)
        {
            problems.Add(new Problem("village", $"村代码 {code} 已于 {gone:yyyy-MM-dd} 撤销" + (village.MergedInto is { } i ? $"，已并入 {i}" : ""),
                $"village code {code} was withdrawn on {gone:yyyy-MM-dd}" + (village.MergedInto is { } e ? $", merged into {e}" : ""))
            { Code = "withdrawn" });
        }
    }

    private static async Task HouseNoFreeAsync(LiaisonDb db, HouseholdInput input, List<Problem> problems, CancellationToken ct)
    {
        var taken = input.HouseNo.Length == 0 ? null
            : await db.Households.AsNoTracking().Where(h => h.VillageCode == input.VillageCode && h.HouseNo == input.HouseNo).Select(h => (HouseholdStatus?)h.Status).FirstOrDefaultAsync(ct);
        if (taken is { } status)
        {
            // A household that left keeps its row (visits point at it), and with it its house number.
            problems.Add(new Problem("houseNo", $"本村门牌号 {input.HouseNo} 已登记（{RegistryWords.HouseholdStatuses[status].Zh}）：请另用门牌号，如 {input.HouseNo}-1",
                $"house number {input.HouseNo} is already on the village's registry ({RegistryWords.HouseholdStatuses[status].En}): use another, such as {input.HouseNo}-1")
            { Code = "duplicate" });
        }
    }

    private static async Task<List<Problem>> UnitProblemsAsync(LiaisonDb db, Scope? scope, UnitInput input, CancellationToken ct)
    {
        var problems = new List<Problem>();
        Text(problems, "code", input.Code, 40);
        Text(problems, "name", input.Name, 100);
        if (!Enum.IsDefined(input.Level))
        {
            problems.Add(Choose("level", Terms.UnitLevels));
        }
        if (!Enum.IsDefined(input.Category))
        {
            problems.Add(Choose("category", Terms.UnitCategories));
        }
        var level = await db.Divisions.AsNoTracking().Where(d => d.Code == input.DivisionCode).Select(d => (DivisionLevel?)d.Level).FirstOrDefaultAsync(ct);
        if (level is null || scope?.Covers(input.DivisionCode) != true)
        {
            problems.Add(new Problem("division", $"行政区划 {input.DivisionCode} 不存在或不在您的管辖范围内", $"division {input.DivisionCode} does not exist or is outside your jurisdiction") { Code = "not-found" });
        }
        else if (Enum.IsDefined(input.Level) && (int)level != (int)input.Level)
        {
            problems.Add(new Problem("division", $"所属行政区划须为{Terms.UnitLevels[input.Level].Zh}级", $"the division must be of level {Terms.UnitLevels[input.Level].En}") { Code = "level" });
        }
        return problems;
    }

    private static List<Problem> CadreProblems(CadreInput input, DateOnly today, bool phoneRequired)
    {
        var problems = new List<Problem>();
        Text(problems, "code", input.Code, 40);
        Text(problems, "name", input.Name, 50);
        if (!Enum.IsDefined(input.Rank))
        {
            problems.Add(Choose("rank", Terms.Ranks));
        }
        if (!Enum.IsDefined(input.Gender))
        {
            problems.Add(Choose("gender", Terms.Genders));
        }
        if (input.BirthYear < today.Year - 80 || input.BirthYear > today.Year - 16)
        {
            problems.Add(new Problem("birthYear", $"出生年份须在 {today.Year - 80} 至 {today.Year - 16} 之间", $"the birth year must lie between {today.Year - 80} and {today.Year - 16}") { Code = "out-of-range" });
        }
        Phone(problems, "phone", input.Phone, phoneRequired);
        return problems;
    }

    private static List<Problem> HouseholdProblems(HouseholdInput input, bool headRequired)
    {
        var problems = new List<Problem>();
        Text(problems, "houseNo", input.HouseNo, 40);
        if (headRequired || !string.IsNullOrWhiteSpace(input.HeadName))
        {
            Text(problems, "headName", input.HeadName ?? "", 50);
        }
        Phone(problems, "headPhone", input.HeadPhone, false);
        if (input.MemberCount is < 1 or > 99)
        {
            problems.Add(new Problem("members", "家庭人口须在 1 至 99 之间", "members must lie between 1 and 99") { Code = "out-of-range" });
        }
        return problems;
    }

    private static void Text(List<Problem> problems, string field, string value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new Problem(field, $"请填写{RegistryWords.Field(field == "name" && max == 100 ? "unitName" : field).Zh}", $"{RegistryWords.Field(field == "name" && max == 100 ? "unitName" : field).En} is required") { Code = "required" });
        }
        else if (value.Length > max)
        {
            problems.Add(new Problem(field, $"{RegistryWords.Field(field).Zh}不超过 {max} 字", $"{RegistryWords.Field(field).En} has at most {max} characters") { Code = "too-long" });
        }
    }

    /// <summary>A phone as the importers take it: 7 to 20 characters of digits, '-' or '+'.</summary>
    private static void Phone(List<Problem> problems, string field, string? value, bool required)
    {
        var v = Blank(value);
        if (v is null)
        {
            if (required)
            {
                problems.Add(new Problem(field, $"请填写{RegistryWords.Field(field).Zh}", $"{RegistryWords.Field(field).En} is required") { Code = "required" });
            }
            return;
        }
        if (!(v.Length is >= 7 and <= 20 && v.All(c => char.IsAsciiDigit(c) || c is '-' or '+') && v.Count(char.IsAsciiDigit) >= 7))
        {
            problems.Add(new Problem(field, $"“{v}”不是电话号码", $"'{v}' is not a phone number") { Code = "phone" });
        }
    }

    private static Problem Choose<T>(string field, IReadOnlyDictionary<T, Term> terms)
        where T : notnull =>
        new(field, $"请选择：{Terms.Choices(terms, false)}", $"choose one of: {Terms.Choices(terms, true)}") { Code = "choice" };

    private static Problem Unchanged() => new("form", "没有需要保存的修改", "nothing was changed") { Code = "unchanged" };

    private static void Refuse(List<Problem> problems)
    {
        if (problems.Count > 0)
        {
            throw new RefusedException(problems);
        }
    }

    private static void Set<T>(List<string> fields, string name, T current, T value, Action<T> set)
    {
        if (!EqualityComparer<T>.Default.Equals(current, value))
        {
            set(value);
            fields.Add(name);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Household NewHousehold(HouseholdInput input, DateOnly on) => new()
    {
        VillageCode = input.VillageCode,
        HouseNo = input.HouseNo.Trim(),
        HeadName = input.HeadName!.Trim(),
        HeadPhone = Blank(input.HeadPhone),
        MemberCount = input.MemberCount,
        Categories = input.Categories,
        Status = HouseholdStatus.Current,
        StatusSince = on,
        Version = 1,
    };

    public static string HouseholdKey(Household h) => h.VillageCode + "/" + h.HouseNo;

    /// <summary>The household figures of some villages as counted now, to add the difference a change makes (no recount of the city).</summary>
    private static Task<List<RollupValue>> HouseholdFiguresAsync(LiaisonDb db, IReadOnlyCollection<string> villages, CancellationToken ct) =>
        IndicatorFormulas.LeavesAsync(db, RollupFamily.Households, new FormulaScope(villages), ct);

    private static async Task RecountHouseholdsAsync(LiaisonDb db, IReadOnlyCollection<string> villages, List<RollupValue> before, CancellationToken ct)
    {
        var after = await HouseholdFiguresAsync(db, villages, ct);
        var deltas = after.Concat(before.Select(v => v with { Value = -v.Value }))
            .GroupBy(v => (v.DivisionCode, v.IndicatorId, v.Month))
            .Select(g => new RollupValue(g.Key.DivisionCode, g.Key.IndicatorId, g.Sum(v => v.Value), g.Key.Month));
        await RollupStore.AddAsync(db, Rollup.ToAllLevels(deltas), ct);
        // A First Secretary's visiting duties ask for every current household (FieldFormulas.Duties): a household added, recategorised or gone changes them.
        await Field.FieldRollups.MarkAsync(db, villages, ct);
    }

    // Audit snapshots: the record's fields, personal data named as present or not, never its value.
    private static object CadreSnapshot(Cadre c, string unitCode) => new
    {
        code = c.Code,
        name = c.Name,
        unit = unitCode,
        rank = c.Rank.ToString(),
        reserve = c.IsReserve,
        police = c.IsPolice,
        newlyPromoted = c.IsNewlyPromoted,
        birthYear = c.BirthYear,
        gender = c.Gender.ToString(),
        phone = c.Phone is null ? null : "***",
        status = c.Status.ToString(),
        statusSince = c.StatusSince,
        version = c.Version,
    };

    private static object HouseholdSnapshot(Household h) => new
    {
        village = h.VillageCode,
        houseNo = h.HouseNo,
        members = h.MemberCount,
        categories = h.Categories.ToString(),
        status = h.Status.ToString(),
        statusSince = h.StatusSince,
        version = h.Version,
    };

    private static object UnitSnapshot(Unit u) => new
    {
        code = u.Code,
        name = u.Name,
        level = u.Level.ToString(),
        category = u.Category.ToString(),
        division = u.DivisionCode,
        status = u.Status.ToString(),
        statusSince = u.StatusSince,
        mergedInto = u.MergedIntoId,
        version = u.Version,
    };
}
