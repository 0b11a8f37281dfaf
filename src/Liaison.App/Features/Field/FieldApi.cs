using System.Text.Json;
using Liaison.App.Auth;
using Liaison.App.Web;
using Liaison.Data;
using Liaison.Data.Field;
using Liaison.Domain.Access;
using Liaison.Domain.Field;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Features.Field;

/// <summary>One record's answer in a batch.</summary>
public sealed record RecordResultDto(int Index, Guid? Id, string Status, long? RecordId, IReadOnlyList<FieldErrorDto> Errors);

/// <summary>One problem of a record: the field, the message in the request's language, and the rule's stable code.</summary>
public sealed record FieldErrorDto(string Field, string Message, string Code = "invalid");

/// <summary>A batch's answer: every record by its index, and the counts.</summary>
public sealed record BatchResultDto(IReadOnlyList<RecordResultDto> Results, int Stored, int Duplicates, int Conflicts, int Refused);

/// <summary>
/// Field records under /api/v1 for the phone app and other systems: visits, stays, First
/// Secretary activities and night sessions, one (an object) or many (an array) per request, stored exactly once by
/// the client's id. A cadre account posts its own; an office posts for a cadre of its jurisdiction
/// (<c>?cadre=STAFF_NUMBER</c>, recorded as entered by the work group).
/// </summary>
public static class FieldApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    // The position is evidence for the supervisors' plausibility flags, never a condition of storing.
    private const string Position = "optionally latitude and longitude (WGS-84 degrees, as the phone gives them; both or neither), "
        + "where the phone was when the record was made: a position far from the village raises a plausibility flag for supervisors and never refuses the record.";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/field/visits", (HttpRequest request, string? cadre, FieldApiContext context, CancellationToken ct) =>
            PostAsync<VisitInput>("visit", request, cadre, context, (a, inputs) => FieldStore.SaveVisitsAsync(context.Db, context.Clock, a, inputs, ct, context.Cache, context.Writer), ct))
            .WithDescription("Household visits, one (an object) or many (an array): id (the client's), household, visitedAt, note, issues; "
                + Position);
        api.MapPost("/field/stays", (HttpRequest request, string? cadre, FieldApiContext context, CancellationToken ct) =>
            PostAsync<StayInput>("stay", request, cadre, context, (a, inputs) => FieldStore.SaveStaysAsync(context.Db, context.Clock, a, inputs, ct, context.Cache, context.Writer), ct))
            .WithDescription("Stays in a village, one (an object) or many (an array): id (the client's), village, arrived, left (the same day for a day in the village); "
                + Position);
        api.MapPost("/field/activities", (HttpRequest request, string? cadre, FieldApiContext context, CancellationToken ct) =>
            PostAsync<ActivityInput>("activity", request, cadre, context, (a, inputs) => FieldStore.SaveActivitiesAsync(context.Db, context.Clock, a, inputs, ct, context.Cache, context.Writer), ct));
        api.MapPost("/field/nights", (HttpRequest request, string? cadre, FieldApiContext context, CancellationToken ct) =>
            PostAsync<NightInput>("night", request, cadre, context, (a, inputs) => NightSessionStore.SaveFromFieldAsync(context.Db, context.Clock, a, inputs, context.Cache, ct), ct))
            .RequireAuthorization(Auth.Policies.Nights)
            .WithDescription("Night sessions (夜谈夜访), one (an object) or many (an array): id (the client's), village, heldOn, topic, place, people, attendees, "
                + "matters (text, outcome: solved | explained | escalated, category for an escalated one, which becomes a case); stored once by id, in a village of the cadre's own.");
        api.MapPost("/field/deeds", (HttpRequest request, string? cadre, FieldApiContext context, CancellationToken ct) =>
            PostAsync<Data.Results.DeedFieldInput>("deed", request, cadre, context, (a, inputs) => Data.Results.DeedStore.SaveFromFieldAsync(context.Db, context.Clock, a, inputs, context.Cache, ct), ct))
            .RequireAuthorization(Auth.Policies.Results)
            .WithDescription("Practical deeds (实事好事), one (an object) or many (an array): id (the client's), village, kind (the policy's catalogue), on, "
                + "quantities ([{code, value, unit?}] in the kind's units: 公里/km, 元, 人 …; another unit is refused naming the expected one), source, evidence, "
                + "caseCode (a case of the village it settles), commitmentId (a commitment of the village it fulfils); stored once by id, in a village of the cadre's own.");
        api.MapGet("/field/me", MeAsync);
        api.MapGet("/field/visits", VisitsAsync);
        api.MapGet("/field/stays", StaysAsync);
    }

    private static async Task<IResult> PostAsync<TInput>(string kind, HttpRequest request, string? cadre, FieldApiContext context,
        Func<FieldAuthor, IReadOnlyList<TInput>, Task<IReadOnlyList<RecordResult>>> save, CancellationToken ct)
    {
        var (author, refusal) = await context.AuthorAsync(cadre, ct);
        if (author is null)
        {
            return refusal!;
        }
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(request.Body, default, ct);
        }
        catch (JsonException e)
        {
            return Problem(400, Ui.T("请求不是有效的 JSON", "the body is not valid JSON"), $"line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {e.Message}");
        }
        using (body)
        {
            var single = body.RootElement.ValueKind == JsonValueKind.Object;
            if (!single && body.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Problem(400, Ui.T("请求须为一条记录（对象）或多条记录（数组）", "the body is one record (an object) or many (an array)"), null);
            }
            var elements = single ? [body.RootElement] : body.RootElement.EnumerateArray().ToList();
            if (elements.Count > FieldStore.MaxBatch)
            {
                return Problem(413, Ui.T($"一次最多 {FieldStore.MaxBatch} 条记录", $"at most {FieldStore.MaxBatch} records a request"), null);
            }
            // A well-formed array is read in one go; otherwise each element on its own, so that one
            // malformed record is refused by its index and the others still count.
            var inputs = new List<TInput>(elements.Count);
            var unreadable = new Dictionary<int, string>();
            if (!single && TryReadAll<TInput>(body.RootElement) is { } all)
            {
                inputs = all;
            }
            for (var i = inputs.Count; i < elements.Count; i++)
            {
                try
                {
                    inputs.Add(elements[i].Deserialize<TInput>(Json) ?? throw new JsonException("null"));
                }
                catch (JsonException e)
                {
                    unreadable[i] = e.Path is { Length: > 2 } path ? path[2..] : "record";
                    inputs.Add(default!);
                }
            }
            var readable = Enumerable.Range(0, inputs.Count).Where(i => !unreadable.ContainsKey(i)).ToList();
            var saved = await save(author, readable.Select(i => inputs[i]).ToList());
            var results = new RecordResultDto[inputs.Count];
            for (var k = 0; k < readable.Count; k++)
            {
                results[readable[k]] = Dto(saved[k] with { Index = readable[k] });
            }
            foreach (var (i, field) in unreadable)
            {
                results[i] = new RecordResultDto(i, null, "refused", null, [new FieldErrorDto(field, Ui.T("格式不对（类型或取值无效）", "malformed (wrong type or value)"), "malformed")]);
            }
            foreach (var outcome in results.GroupBy(r => r.Status))
            {
                Operations.FieldRecords.WithLabels(kind, outcome.Key).Inc(outcome.Count());
            }
            return single ? Single(results[0]) : TypedResults.Ok(new BatchResultDto(results, results.Count(r => r.Status == "stored"),
                results.Count(r => r.Status == "duplicate"), results.Count(r => r.Status == "conflict"), results.Count(r => r.Status == "refused")));
        }
    }

    private static List<TInput>? TryReadAll<TInput>(JsonElement array)
    {
        try
        {
            var all = array.Deserialize<List<TInput>>(Json);
            return all is not null && all.All(x => x is not null) ? all : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One record: 201 stored, 200 already stored, 409 a different record under the id, 422 refused; errors as ProblemDetails naming the field.</summary>
    private static IResult Single(RecordResultDto r) => r.Status switch
    {
        "stored" => TypedResults.Created((string?)null, r),
        "duplicate" => TypedResults.Ok(r),
        "conflict" => Problem(409, Ui.T("该编号已有不同内容的记录", "another record is stored under this id"), r.Errors[0].Message, r),
        _ => Refusals.Refused(r.Errors.Select(e => new Refusals.Shown(e.Field, e.Message, e.Code)), Ui.T("记录未保存", "the record was not stored"),
            new Dictionary<string, object?> { ["index"] = r.Index, ["id"] = r.Id }),
    };

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Problem(int status, string title, string? detail, RecordResultDto? record = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: record is null ? null : new Dictionary<string, object?> { ["index"] = record.Index, ["id"] = record.Id, ["recordId"] = record.RecordId });

    private static RecordResultDto Dto(RecordResult r) => new(r.Index, r.Id, r.Outcome.ToString().ToLowerInvariant(), r.RecordId,
        r.Problems.Select(p => new FieldErrorDto(p.Field, p.In(Ui.English), p.Code)).ToList());

    /// <summary>The cadre's own villages and households for the phone to keep offline: names masked, no phones, nothing beyond the cadre's ties.</summary>
    private static async Task<IResult> MeAsync(FieldApiContext context, CancellationToken ct)
    {
        var (author, refusal) = await context.AuthorAsync(null, ct);
        return author is null ? refusal! : TypedResults.Ok(await FieldQueries.MineAsync(context.Db, context.Clock, author.CadreId, ct));
    }

    private static async Task<IResult> VisitsAsync(int? year, FieldApiContext context, CancellationToken ct)
    {
        var (author, refusal) = await context.AuthorAsync(null, ct);
        return author is null ? refusal! : TypedResults.Ok(await FieldQueries.VisitsOfAsync(context.Db, author.CadreId, year ?? context.Today.Year, ct));
    }

    private static async Task<IResult> StaysAsync(int? year, FieldApiContext context, CancellationToken ct)
    {
        var (author, refusal) = await context.AuthorAsync(null, ct);
        return author is null ? refusal! : TypedResults.Ok(await FieldQueries.StaysOfAsync(context.Db, author.CadreId, year ?? context.Today.Year, ct));
    }
}

/// <summary>What every field endpoint needs: the database, the clock and who is asking.</summary>
public sealed class FieldApiContext(LiaisonDb db, Data.Access.Scoped scoped, TimeProvider clock, Jurisdiction jurisdiction, CadreScopeCache cache, FieldWriter writer)
{
    public LiaisonDb Db => db;
    public TimeProvider Clock => clock;
    public CadreScopeCache Cache => cache;
    public FieldWriter Writer => writer;
    public DateOnly Today => Domain.Shared.ChinaTime.Today(clock);

    /// <summary>
    /// The cadre the records are for: a cadre account's own cadre; for an office, the cadre named by
    /// staff number, who must hold a tie inside the office's jurisdiction.
    /// </summary>
    public async Task<(FieldAuthor? Author, IResult? Refusal)> AuthorAsync(string? cadreCode, CancellationToken ct)
    {
        var user = jurisdiction.UserName ?? "?";
        if (string.IsNullOrWhiteSpace(cadreCode))
        {
            return jurisdiction.CadreId is { } own
                ? (new FieldAuthor(own, user, RecordSource.Phone), null)
                : (null, TypedResults.Problem(Ui.T("此账户未关联干部：请以干部账户登录，或由驻村办指定 cadre=干部编号", "this account is not linked to a cadre: sign in as a cadre, or (an office) name cadre=STAFF_NUMBER"),
                    statusCode: 403, title: Ui.T("不能记录", "cannot record")));
        }
        if (!jurisdiction.May(Ability.EditPlan))
        {
            return (null, TypedResults.Problem(Ui.T("只有驻村办可以代录", "only an office records on a cadre's behalf"), statusCode: 403));
        }
        var found = await db.Cadres.AsNoTracking().Where(c => c.Code == cadreCode.Trim()).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        // Only for a cadre tied to a village within the office's reach.
        if (found is null || !await scoped.Ties.AnyAsync(t => t.CadreId == found && t.DivisionCode.Length == 12, ct))
        {
            return (null, TypedResults.Problem(Ui.T($"你的管辖范围内没有编号为 {cadreCode} 的驻村干部", $"no cadre {cadreCode} with a village in your jurisdiction"), statusCode: 404));
        }
        return (new FieldAuthor(found.Value, user, RecordSource.WorkGroup, jurisdiction.Covers), null);
    }
}
