using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Liaison.Data.Access;
using Liaison.Data.Audit;
using Liaison.Data.Liaisons;
using Liaison.Data.Policy;
using Liaison.Domain.Assessment;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Assessment;

/// <summary>A cadre villagers rate: who served the village in the year, and as what.</summary>
public sealed record RatedCadre(int Id, string Name, Term Role);

/// <summary>A ballot as it comes: the village, how it came, the household's phone (QR) or the paper form's code, each cadre's rating and comment, the address it came from.</summary>
public sealed record BallotInput(string? Village, BallotChannel Channel, string? Phone, string? PaperCode, IReadOnlyDictionary<int, Rating> Ratings,
    IReadOnlyDictionary<int, string?>? Comments = null, string? Address = null, string? EnteredBy = null)
{
    /// <summary>The household a telephone ballot is taken from: the call's, never typed.</summary>
    internal long? CalledHousehold { get; init; }
}

/// <summary>A paper form's code as printed: for the household at this house number.</summary>
public sealed record IssuedCode(string HouseNo, string Code);

/// <summary>What became of a ballot: taken (its id), refused as stuffing (the reason, counted), or refused by field (nothing counted).</summary>
public sealed record BallotOutcome(long? BallotId, RefusalReason? Refused, IReadOnlyList<Problem> Problems)
{
    public bool Taken => BallotId is not null;
}

/// <summary>
/// 群众评议 (issue 23): villagers rate the cadres who served their village, without signing in. One
/// voice per household a year whichever way it comes — the household found by its phone (QR), by the
/// call that reached it (telephone, from the supervision's random sample) or by the one-time code printed
/// on its paper form; every channel keys the ballot by the same keyed hash of the household, never its
/// id or phone in clear —, bursts from one address refused, and
/// every refusal counted so that stuffing is seen. Free comments wait for an office's screening before
/// the cadre named reads them.
/// </summary>
public static class EvaluationStore
{
    private const string Why = "the masses' evaluation: a villager's ballot names no one and reads only its village";

    /// <summary>The cadres who served the village in the year: its First Secretaries and every cadre tied to it.</summary>
    public static async Task<List<RatedCadre>> RatedAsync(LiaisonDb db, string village, int year, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Why);
        var secretaries = await (from p in db.SecretaryPostings.AsNoTracking()
                                 join c in db.Cadres.AsNoTracking() on p.CadreId equals c.Id
                                 where p.VillageCode == village && p.Year == year
                                 select new { c.Id, c.Name }).ToListAsync(ct);
        var tied = await (from t in db.LiaisonTies.AsNoTracking()
                          join c in db.Cadres.AsNoTracking() on t.CadreId equals c.Id
                          where t.DivisionCode == village && t.Year == year && t.Until == null
                          select new { c.Id, c.Name, t.Kind }).ToListAsync(ct);
        return secretaries.Select(s => new RatedCadre(s.Id, s.Name, Words.FirstSecretary))
            .Concat(tied.Select(t => new RatedCadre(t.Id, t.Name, Terms.TieKinds.TryGetValue(t.Kind, out var k) ? k : new Term("联系干部", "tied cadre"))))
            .DistinctBy(c => c.Id).ToList();
    }

    public static async Task<BallotOutcome> CastAsync(LiaisonDb db, TimeProvider clock, BallotInput input, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Why);
        var now = clock.GetUtcNow();
        var year = ChinaTime.DateOf(now).Year;
        var village = input.Village?.Trim() ?? "";
        var problems = new List<Problem>();
        if (!await db.Divisions.AsNoTracking().AnyAsync(d => d.Code == village && d.Level == DivisionLevel.Village && d.WithdrawnOn == null, ct))
        {
            return new(null, null, [new Problem("village", $"没有编码为 {village} 的村", $"no village {village}") { Code = "unknown" }]);
        }
        var rated = (await RatedAsync(db, village, year, ct)).Select(c => c.Id).ToHashSet();
        if (input.Ratings.Count == 0)
        {
            problems.Add(new Problem("ratings", "请至少评议一名干部", "rate at least one cadre") { Code = "required" });
        }
        foreach (var (cadre, rating) in input.Ratings)
        {
            if (!rated.Contains(cadre) || !Enum.IsDefined(rating))
            {
                problems.Add(new Problem($"ratings[{cadre}]", "只能评议本村本年度的驻村干部和第一书记", "only the cadres who served the village this year are rated") { Code = "unknown" });
            }
        }
        var comments = new Dictionary<int, string>();
        foreach (var (cadre, text) in input.Comments ?? new Dictionary<int, string?>())
        {
            if (RefusedException.Text(problems, $"comments[{cadre}]", text, MassRating.MaxComment, required: false) is { } t && input.Ratings.ContainsKey(cadre))
            {
                comments[cadre] = t;
            }
        }
        var policy = (await PolicyStore.GetAsync(db, year, ct)).Policy.Assessment.Masses;
        var address = input.Address is { Length: > 0 } a ? Key("address", a) : null;
        string? household = null;
        PaperCode? paper = null;
        if (input.Channel == BallotChannel.Qr)
        {
            var digits = Digits(input.Phone);
            if (digits.Length < 7)
            {
                problems.Add(new Problem("phone", "请填写户主登记的手机号码", "give the phone number registered for the household") { Code = "required" });
            }
            else if (problems.Count == 0)
            {
                var phones = await db.Households.AsNoTracking().Where(h => h.VillageCode == village && h.Status == HouseholdStatus.Current)
                    .Select(h => new { h.Id, h.HeadPhone }).ToListAsync(ct);
                household = phones.FirstOrDefault(h => Digits(h.HeadPhone) == digits) is { } found ? HouseholdKey(village, found.Id) : null;
            }
        }
        else if (input.Channel == BallotChannel.Phone)
        {
            household = input.CalledHousehold is { } called && input.EnteredBy is not null
                && await db.Households.AsNoTracking().AnyAsync(h => h.Id == called && h.VillageCode == village && h.Status == HouseholdStatus.Current, ct)
                ? HouseholdKey(village, called) : null;
        }
        else if (input.Channel == BallotChannel.Paper)
        {
            var code = (input.PaperCode ?? "").Trim().ToUpperInvariant();
            var codeKey = code.Length > 0 ? Key("paper", code) : "";
            paper = await db.PaperCodes.FirstOrDefaultAsync(p => p.CodeKey == codeKey && p.VillageCode == village && p.Year == year, ct);
            household = paper is null ? null : paper.HouseholdKey ?? Key("paper-household", paper.Id.ToString(CultureInfo.InvariantCulture));
        }
        if (problems.Count > 0)
        {
            return new(null, null, problems);
        }

        // Stuffing: refused and counted. A burst from one address first (before any lookup tells it anything).
        if (input.Channel == BallotChannel.Qr && address is not null)
        {
            var since = now.AddHours(-1);
            var recent = await db.MassBallots.CountAsync(b => b.AddressKey == address && b.At > since, ct)
                + await db.BallotRefusals.CountAsync(r => r.AddressKey == address && r.At > since, ct);
            if (recent >= policy.PerAddressPerHour)
            {
                return await RefuseAsync(db, year, village, RefusalReason.Burst, now, address, ct);
            }
        }
        if (household is null)
        {
            return await RefuseAsync(db, year, village, input.Channel switch
            {
                BallotChannel.Paper => RefusalReason.BadCode,
                BallotChannel.Phone => RefusalReason.Unregistered,
                _ => RefusalReason.UnknownPhone,
            }, now, address, ct);
        }
        if (paper?.UsedAt is not null)
        {
            return await RefuseAsync(db, year, village, RefusalReason.BadCode, now, address, ct);
        }
        if (await db.MassBallots.AnyAsync(b => b.Year == year && b.VillageCode == village && b.HouseholdKey == household, ct))
        {
            return await RefuseAsync(db, year, village, RefusalReason.Again, now, address, ct);
        }

        var ballot = new MassBallot { Year = year, VillageCode = village, HouseholdKey = household, Channel = input.Channel, At = now, AddressKey = address, EnteredBy = input.EnteredBy };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.MassBallots.Add(ballot);
            if (paper is not null)
            {
                paper.UsedAt = now;
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two ballots of one household at once: the unique index keeps one.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await RefuseAsync(db, year, village, RefusalReason.Again, now, address, ct);
        }
        db.MassRatings.AddRange(input.Ratings.Select(r => new MassRating
        {
            BallotId = ballot.Id,
            Year = year,
            VillageCode = village,
            CadreId = r.Key,
            Rating = r.Value,
            Comment = comments.GetValueOrDefault(r.Key),
            Screening = comments.ContainsKey(r.Key) ? CommentScreening.Pending : CommentScreening.Shown,
        }));
        await db.SaveChangesAsync(ct);
        await Field.FieldRollups.MarkAsync(db, [village], ct);
        if (input.EnteredBy is { } by)
        {
            await AuditLog.AppendAsync(db, clock, new Actor(by), new AuditRecord("evaluation.enter", "mass-ballot", ballot.Id.ToString(CultureInfo.InvariantCulture), village, null,
                new { ballot.Channel, Ratings = input.Ratings.Count }), ct);
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new(ballot.Id, null, []);
    }

    /// <summary>
    /// 电话评议: the household a supervision call reached gives its voice through the caller, who enters
    /// it on the call (the call's household, never a typed one). Only a reached call of a sample the
    /// caller's scope holds; the same one-voice rule and refusals as every channel.
    /// </summary>
    public static async Task<BallotOutcome> CastByCallAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long callId, IReadOnlyDictionary<int, Rating> ratings,
        IReadOnlyDictionary<int, string?>? comments, CancellationToken ct)
    {
        var call = await Supervision.CallSampleStore.FindCallAsync(db, actor, callId, ct);
        db.ChangeTracker.Clear();
        if (call.Outcome != Domain.Supervision.CallOutcome.Reached)
        {
            throw new RefusedException(new Problem("call", "只有已接通的电话才能记录评议", "only a reached call takes the household's ratings") { Code = "not-reached" });
        }
        return await CastAsync(db, clock, new BallotInput(call.VillageCode, BallotChannel.Phone, null, null, ratings, comments, EnteredBy: actor.UserName) { CalledHousehold = call.HouseholdId }, ct);
    }

    /// <summary>Whether the household a call reached has given its voice this year, by any channel (the caller is told, not how or what).</summary>
    public static async Task<bool> HasVotedAsync(LiaisonDb db, TimeProvider clock, string village, long household, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Why);
        var year = ChinaTime.DateOf(clock.GetUtcNow()).Year;
        var key = HouseholdKey(village, household);
        return await db.MassBallots.AnyAsync(b => b.Year == year && b.VillageCode == village && b.HouseholdKey == key, ct);
    }

    /// <summary>
    /// One-time codes for a village's paper forms (纸质评议表), one per household and printed once: each
    /// is tied to its household (by the ballot's keyed hash), so a household that rated by QR or telephone
    /// cannot rate again on paper. Without a house number, a code for every current household that has
    /// neither a ballot nor an unused code this year; with one, that household's form again (a lost one:
    /// its unused code is voided). Only the codes' keyed hashes are kept.
    /// </summary>
    public static async Task<List<IssuedCode>> IssuePaperCodesAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, string village, string? houseNo, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Why);
        if (!actor.Covers(village) || !await db.Divisions.AsNoTracking().AnyAsync(d => d.Code == village && d.Level == DivisionLevel.Village, ct))
        {
            throw new RefusedException([new Problem("village", "村不在你的管辖范围内", "the village is outside your jurisdiction") { Code = "out-of-reach" }]);
        }
        var year = ChinaTime.DateOf(clock.GetUtcNow()).Year;
        houseNo = houseNo?.Trim() is { Length: > 0 } h ? h : null;
        var households = (await db.Households.AsNoTracking().Where(x => x.VillageCode == village && x.Status == HouseholdStatus.Current && (houseNo == null || x.HouseNo == houseNo))
            .Select(x => new { x.Id, x.HouseNo }).ToListAsync(ct)).OrderBy(x => x.HouseNo, StringComparer.Ordinal).ToList();
        if (houseNo is not null && households.Count == 0)
        {
            throw new RefusedException([new Problem("houseNo", $"本村没有门牌号为 {houseNo} 的在册农户", $"no current household at house number {houseNo} in the village") { Code = "unknown" }]);
        }
        var keys = households.ToDictionary(x => x.Id, x => HouseholdKey(village, x.Id));
        var voted = (await db.MassBallots.AsNoTracking().Where(b => b.Year == year && b.VillageCode == village).Select(b => b.HouseholdKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var unused = await db.PaperCodes.Where(p => p.Year == year && p.VillageCode == village && p.UsedAt == null && p.HouseholdKey != null).ToListAsync(ct);
        if (houseNo is not null)
        {
            if (voted.Contains(keys[households[0].Id]))
            {
                throw new RefusedException([new Problem("houseNo", "该户本年度已评议", "the household has given its voice this year") { Code = "again" }]);
            }
            // A lost form: its code no longer counts.
            db.PaperCodes.RemoveRange(unused.Where(p => p.HouseholdKey == keys[households[0].Id]));
        }
        var holding = unused.Where(p => houseNo is null).Select(p => p.HouseholdKey!).ToHashSet(StringComparer.Ordinal);
        var issued = households.Where(x => !voted.Contains(keys[x.Id]) && !holding.Contains(keys[x.Id]))
            .Select(x => (x.HouseNo, Key: keys[x.Id], Code: NewCode())).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.PaperCodes.AddRange(issued.Select(c => new PaperCode { Year = year, VillageCode = village, CodeKey = Key("paper", c.Code), HouseholdKey = c.Key }));
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("evaluation.codes", "paper-codes", village, village, null,
            new { year, count = issued.Count, reissued = houseNo is not null }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return issued.Select(c => new IssuedCode(c.HouseNo, c.Code)).ToList();
    }

    /// <summary>Ten characters of an alphabet without look-alikes (no 0/O, 1/I/L): about 2^48 codes, not to be guessed.</summary>
    private static string NewCode()
    {
        const string alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        return new string(Enumerable.Range(0, 10).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
    }

    /// <summary>An office screens a free comment: shown to the cadre it names, or withheld (abuse, a villager's identity); audited.</summary>
    public static async Task ScreenAsync(LiaisonDb db, TimeProvider clock, OfficeActor actor, long ratingId, bool show, CancellationToken ct)
    {
        using var outside = Unscoped.Section(Why);
        var rating = await db.MassRatings.FirstOrDefaultAsync(r => r.Id == ratingId && r.Comment != null, ct);
        if (rating is null || !actor.Covers(rating.VillageCode))
        {
            throw new RefusedException([new Problem("rating", "没有这条意见，或不在你的管辖范围内", "no such comment within your jurisdiction") { Code = "out-of-reach" }]);
        }
        var before = rating.Screening;
        rating.Screening = show ? CommentScreening.Shown : CommentScreening.Withheld;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditLog.AppendAsync(db, clock, new Actor(actor.UserName), new AuditRecord("evaluation.screen", "mass-rating", rating.Id.ToString(CultureInfo.InvariantCulture), rating.VillageCode,
            new { Screening = before }, new { rating.Screening }), ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// A keyed hash (HMAC-SHA-256 under a key derived from the audit key, kept outside the database):
    /// the same household or address always gives the same key, and the key gives back neither.
    /// </summary>
    public static string Key(string purpose, string value)
    {
        var root = Privacy.PersonalDataKeys.Current.AuditKey ?? throw new InvalidOperationException("the key file has no audit key yet: it is added when the audit log is first sealed");
        var derived = HMACSHA256.HashData(root, Encoding.UTF8.GetBytes("liaison evaluation v1"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(derived, Encoding.UTF8.GetBytes(purpose + "\n" + value)))[..40];
    }

    /// <summary>The household's key for its ballot, the same on every channel.</summary>
    internal static string HouseholdKey(string village, long household) => Key("household", village + "|" + household.ToString(CultureInfo.InvariantCulture));

    private static async Task<BallotOutcome> RefuseAsync(LiaisonDb db, int year, string village, RefusalReason reason, DateTimeOffset now, string? address, CancellationToken ct)
    {
        db.BallotRefusals.Add(new BallotRefusal { Year = year, VillageCode = village, Reason = reason, At = now, AddressKey = address });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new(null, reason, []);
    }

    private static string Digits(string? phone) => new((phone ?? "").Where(char.IsAsciiDigit).ToArray());
}
