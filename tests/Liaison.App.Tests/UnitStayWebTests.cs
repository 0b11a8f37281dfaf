using System.Net;
using Liaison.Domain.Field;
using Liaison.Domain.Liaisons;
using Liaison.Domain.People;
using Liaison.Domain.Shared;
using Liaison.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.App.Tests;

/// <summary>
/// A pairing's concentrated stay recorded by the unit's administrator for the members who went
/// (issue 20): each member's stay stored once, as the work group enters it, however often the form is sent.
/// </summary>
public sealed class UnitStayWebTests() : OwnDemoHost(planned: true)
{
    /// <summary>Posts the stay form with the members ticked (a repeated field, as a browser sends it).</summary>
    private static async Task<HttpResponseMessage> RecordAsync(HttpClient client, long tie, DateOnly arrived, DateOnly left, string what, IEnumerable<string> went, long? formOf = null)
    {
        var page = $"/plan/ties/{tie}/stays";
        // The anti-forgery token of the page whose form is used (a page without the form has none to give).
        var html = await client.GetStringAsync($"/plan/ties/{formOf ?? tie}/stays");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", TestAccounts.FormToken(html)),
            new("Arrived", arrived.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("Left", left.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            new("What", what),
        };
        fields.AddRange(went.Select(code => new KeyValuePair<string, string>("Went", code)));
        return await client.PostAsync(page + "?handler=record", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_unit_administrator_records_the_units_stay_once_for_the_members_who_went_and_may_not_record_another_units()
    {
        LiaisonTie own, other;
        List<string> members;
        await using (var db = Demo.Target.CreateContext())
        {
            var unit = await db.Units.SingleAsync(u => u.Code == "370830U001");
            own = await db.LiaisonTies.AsNoTracking().FirstAsync(t => t.Kind == TieKind.Pairing && t.Until == null && t.UnitId == unit.Id);
            other = await db.LiaisonTies.AsNoTracking().Where(t => t.Kind == TieKind.Pairing && t.Until == null && t.UnitId != unit.Id && t.DivisionCode.StartsWith("370830"))
                .OrderBy(t => t.Id).FirstAsync();
            members = await db.Cadres.Where(c => c.UnitId == unit.Id && c.Status == CadreStatus.Active).OrderBy(c => c.Code).Select(c => c.Code).Take(2).ToListAsync();
        }
        var today = ChinaTime.Today(TimeProvider.System);
        var (arrived, left) = (today.AddDays(-12), today.AddDays(-10));
        var admin = await SignedInAsync("unit-admin");

        var first = await RecordAsync(admin, own.Id, arrived, left, "走访困难户，帮助修缮村文化广场", members);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Contains("data-stored=\"2\" data-already=\"0\" data-refused=\"0\"", html, StringComparison.Ordinal);
        // Sent again: nothing new.
        var again = WebUtility.HtmlDecode(await (await RecordAsync(admin, own.Id, arrived, left, "走访困难户，帮助修缮村文化广场", members)).Content.ReadAsStringAsync());
        Assert.Contains("data-stored=\"0\" data-already=\"2\" data-refused=\"0\"", again, StringComparison.Ordinal);
        Assert.Contains("帮助修缮村文化广场", again, StringComparison.Ordinal);

        await using (var db = Demo.Target.CreateContext())
        {
            var stays = await db.ResidenceStays.AsNoTracking().Where(s => s.VillageCode == own.DivisionCode && s.Arrived == arrived && s.Left == left).ToListAsync();
            var codes = await db.Cadres.Where(c => stays.Select(s => s.CadreId).Contains(c.Id)).Select(c => c.Code).OrderBy(c => c).ToListAsync();
            Assert.Equal(members, codes);
            Assert.All(stays, s => Assert.Equal((RecordSource.WorkGroup, "unit-admin"), (s.Source, s.ReceivedBy)));
            var record = await db.UnitStays.AsNoTracking().SingleAsync(s => s.TieId == own.Id);
            Assert.Equal((2, arrived, left), (record.Members, record.Arrived, record.Left));
            var key = record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "pairing.stay" && a.EntityKey == key));
        }

        // Another unit's pairing: the page shows no form, and a post is not allowed.
        Assert.DoesNotContain("id=\"unit-stay\"", await admin.GetStringAsync($"/plan/ties/{other.Id}/stays"), StringComparison.Ordinal);
        var refused = await RecordAsync(admin, other.Id, arrived, left, "不应记录", members, formOf: own.Id);
        Assert.True(refused.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, refused.StatusCode.ToString());
        await using (var db = Demo.Target.CreateContext())
        {
            Assert.False(await db.UnitStays.AnyAsync(s => s.TieId == other.Id));
        }
    }

    [Fact]
    public async Task A_stay_with_no_members_or_a_stranger_is_refused_naming_the_field_and_nothing_is_stored()
    {
        long tie;
        await using (var db = Demo.Target.CreateContext())
        {
            tie = (await db.LiaisonTies.AsNoTracking().Where(t => t.Kind == TieKind.Pairing && t.Until == null && t.DivisionCode.StartsWith("370830")).OrderBy(t => t.Id).FirstAsync()).Id;
        }
        var office = await SignedInAsync("office");
        var day = ChinaTime.Today(TimeProvider.System).AddDays(-5);
        var html = WebUtility.HtmlDecode(await (await RecordAsync(office, tie, day, day, "座谈", ["NO-SUCH-CADRE"])).Content.ReadAsStringAsync());
        Assert.Contains("data-field=\"members\" data-code=\"not-member\"", html, StringComparison.Ordinal);
        Assert.Contains("NO-SUCH-CADRE 不是本单位的在职干部", html, StringComparison.Ordinal);
        await using var after = Demo.Target.CreateContext();
        Assert.False(await after.UnitStays.AnyAsync());
        Assert.False(await after.ResidenceStays.AnyAsync(s => s.Arrived == day && s.Source == RecordSource.WorkGroup));
    }
}
