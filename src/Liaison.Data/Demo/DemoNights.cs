using Liaison.Data.Database;
using Liaison.Data.Database.Sql;
using Liaison.Domain.Cases;
using Liaison.Domain.Field;
using Liaison.Domain.Policy;
using Liaison.Domain.Shared;

namespace Liaison.Data.Demo;

/// <summary>
/// 夜谈夜访 of a demo year (issue 20): in about two villages of five where cadres visited, one to three
/// themed evening sessions held by one of those cadres, a dozen to sixty villagers at each, and a few
/// matters raised — most solved on the spot or explained, about one in six explained and escalated,
/// each of those a case of the night-visit channel with the session as its source. Written in bulk
/// inside the caller's transaction.
/// </summary>
internal static class DemoNights
{
    private static readonly string[] Topics = ["人居环境整治", "产业发展与增收", "农村医保与养老政策", "矛盾纠纷排查", "村集体经济发展", "冬季安全生产", "移风易俗", "土地流转"];
    private static readonly string[] Attendees = ["党员、村民代表", "留守老人、妇女", "种植养殖大户", "在家村民", "党员、村“两委”成员、群众代表"];
    private static readonly string[] Matters = ["村内道路路灯不亮", "灌溉机井需要维修", "医保缴费方式不清楚", "垃圾清运不及时", "希望组织技能培训", "农产品销路不畅", "低保政策咨询", "排水沟堵塞"];

    public static async Task<(int Sessions, int Cases)> WriteAsync(LiaisonDb db, Random rng, CaseRules rules, int year, DateOnly last,
        IReadOnlyList<HouseholdVisit> visits, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var span = last.DayNumber - first.DayNumber + 1;
        var categories = rules.Categories.Select(c => c.Code).ToArray();
        var villages = visits.GroupBy(v => v.VillageCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Village: g.Key, Cadres: g.Select(v => v.CadreId).Distinct().Order().ToArray())).ToList();
        var sessions = new List<NightSession>();
        var matters = new List<(NightSession Session, NightMatter Matter, Case? Case)>();
        foreach (var (village, cadres) in villages)
        {
            if (span <= 0 || rng.NextDouble() >= 0.4)
            {
                continue;
            }
            for (var n = rng.Next(1, 4); n > 0; n--)
            {
                var held = DateOnly.FromDayNumber(first.DayNumber + rng.Next(span));
                var session = new NightSession
                {
                    VillageCode = village,
                    Year = year,
                    HeldOn = held,
                    Topic = Topics[rng.Next(Topics.Length)],
                    Place = "村党群服务中心",
                    People = rng.Next(12, 61),
                    Attendees = Attendees[rng.Next(Attendees.Length)],
                    CadreId = cadres[rng.Next(cadres.Length)],
                    RecordedBy = actor,
                    RecordedAt = now,
                };
                var evening = new DateTimeOffset(held.ToDateTime(new TimeOnly(21, 0)), ChinaTime.Offset).ToUniversalTime();
                var raised = rng.Next(1, 5);
                for (var line = 1; line <= raised; line++)
                {
                    var draw = rng.NextDouble();
                    var outcome = draw < 0.55 ? NightOutcome.Solved : draw < 0.83 ? NightOutcome.Explained : NightOutcome.Escalated;
                    var text = Matters[rng.Next(Matters.Length)];
                    var c = outcome != NightOutcome.Escalated ? null : new Case
                    {
                        TrackingCode = TrackingCode.New(),
                        Kind = CaseKind.Problem,
                        Category = categories[rng.Next(categories.Length)],
                        Channel = CaseChannel.NightVisit,
                        VillageCode = village,
                        Description = text,
                        CadreId = session.CadreId,
                        ReceivedAt = evening,
                        Year = year,
                        ReceivedBy = actor,
                        HolderDivision = village,
                    };
                    matters.Add((session, new NightMatter { Line = line, Text = text, Outcome = outcome }, c));
                }
                var these = matters.TakeLast(raised).Select(m => m.Matter.Outcome).ToList();
                (session.Raised, session.Solved, session.Explained, session.Escalated) = (raised, these.Count(o => o == NightOutcome.Solved),
                    these.Count(o => o == NightOutcome.Explained), these.Count(o => o == NightOutcome.Escalated));
                sessions.Add(session);
            }
        }
        var sessionIds = await DatabaseSql.For(db).ReserveIdsAsync("night_sessions", sessions.Count, ct);
        for (var i = 0; i < sessions.Count; i++)
        {
            sessions[i].Id = sessionIds[i];
        }
        var cases = matters.Where(m => m.Case is not null).Select(m => m.Case!).ToList();
        foreach (var (session, _, c) in matters)
        {
            if (c is not null)
            {
                c.NightSessionId = session.Id;
            }
        }
        await DemoCases.WriteRaisedAsync(db, rng, rules, last, cases, ct);
        var matterIds = await DatabaseSql.For(db).ReserveIdsAsync("night_matters", matters.Count, ct);
        for (var i = 0; i < matters.Count; i++)
        {
            var (session, matter, c) = matters[i];
            (matter.Id, matter.SessionId, matter.CaseId) = (matterIds[i], session.Id, c?.Id);
        }
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<NightSession>(db, [nameof(NightSession.Id)], nameof(NightSession.Id), nameof(NightSession.VillageCode),
            nameof(NightSession.Year), nameof(NightSession.HeldOn), nameof(NightSession.Topic), nameof(NightSession.Place), nameof(NightSession.People),
            nameof(NightSession.Attendees), nameof(NightSession.CadreId), nameof(NightSession.Raised), nameof(NightSession.Solved), nameof(NightSession.Explained),
            nameof(NightSession.Escalated), nameof(NightSession.RecordedBy), nameof(NightSession.RecordedAt)), sessions, null, ct);
        await DatabaseSql.For(db).UpsertAsync(TableSpec.For<NightMatter>(db, [nameof(NightMatter.Id)], nameof(NightMatter.Id), nameof(NightMatter.SessionId),
            nameof(NightMatter.Line), nameof(NightMatter.Text), nameof(NightMatter.Outcome), nameof(NightMatter.CaseId)), matters.Select(m => m.Matter).ToList(), null, ct);
        return (sessions.Count, cases.Count);
    }
}
