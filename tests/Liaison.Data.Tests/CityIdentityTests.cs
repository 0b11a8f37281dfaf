using Liaison.Data.Audit;
using Liaison.Data.Divisions;
using Liaison.Data.Policy;
using Liaison.Domain.Shared;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Data.Tests;

/// <summary>Issue 19 item 5: another city's database never gets Jining's telephone, title or quotas.</summary>
public class CityIdentityTests
{
    private static readonly Actor Office = new("office-linyi");

    /// <summary>Linyi (3713) with one county, township and village, as its NBS code list gives them.</summary>
    internal const string Linyi = DivisionImportTests.Header +
        "37,山东省,province,,\n3713,临沂市,city,37,\n371321,沂南县,county,3713,\n371321100,界湖街道,township,371321,\n371321100201,北寨村委会,village,371321100,village\n";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Another_city_gets_its_own_name_no_telephone_and_no_quotas(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("linyi.csv", Linyi), null, null, default);

        var city = await CityStore.GetAsync(db, default);
        Assert.Equal(("3713", "临沂市"), (city!.Code, city.Name));
        var policy = (await PolicyStore.GetAsync(db, 2026, default)).Policy;
        Assert.StartsWith("临沂市", policy.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("济宁", Domain.Policy.PolicyDocument.ToJson(policy), StringComparison.Ordinal);
        Assert.Equal("", policy.Public.Telephone);
        Assert.False(policy.FirstSecretaries.QuotasSet);
        Assert.Contains(Domain.Policy.PolicyText.Describe(policy, en: false).SelectMany(s => s.Lines), l => l.Contains("监督电话未设置", StringComparison.Ordinal));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task City_set_records_the_telephone_the_default_policy_publishes_and_is_audited(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("linyi.csv", Linyi), null, null, default);

        var city = await CityStore.SetAsync(db, TimeProvider.System, Office, "3713", null, "临沂市“第一书记”驻村工作", "０５３９－１２３８０", isDemo: false, default);

        Assert.Equal("0539-12380", city.Telephone);
        var policy = (await PolicyStore.GetAsync(db, 2026, default)).Policy;
        Assert.Equal("0539-12380", policy.Public.Telephone);
        Assert.Equal("临沂市“第一书记”驻村工作规则（默认）", policy.Title);
        // Audited twice: the import recorded the city, then the office set it.
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "city.set"));
        // A policy set later keeps what it leaves out from the city's default, not Jining's.
        var set = await PolicyStore.SetAsync(db, TimeProvider.System, Office, """{ "year": 2026, "backward": { "share": 0 }, "firstSecretaries": { "countyQuota": 3 } }""", default);
        Assert.Equal((0, 3, "0539-12380"), (set.Policy.FirstSecretaries.CityQuota, set.Policy.FirstSecretaries.CountyQuota, set.Policy.Public.Telephone));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task City_set_refuses_a_county_an_unknown_code_and_a_telephone_nobody_can_call(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("linyi.csv", Linyi), null, null, default);

        var county = await Assert.ThrowsAsync<RefusedException>(() => CityStore.SetAsync(db, TimeProvider.System, Office, "371321", null, null, null, false, default));
        Assert.Equal("not-a-city", county.Problems[0].Code);
        var unknown = await Assert.ThrowsAsync<RefusedException>(() => CityStore.SetAsync(db, TimeProvider.System, Office, "3799", null, null, null, false, default));
        Assert.Equal("unknown-division", unknown.Problems[0].Code);
        var phone = await Assert.ThrowsAsync<RefusedException>(() => CityStore.SetAsync(db, TimeProvider.System, Office, "3713", null, null, "监督电话", false, default));
        Assert.Equal("telephone", phone.Problems[0].Code);
        // The refusals left the city as the import recorded it: no telephone.
        Assert.Equal(("3713", null), await db.City.Select(c => new ValueTuple<string, string?>(c.Code, c.Telephone)).SingleAsync());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Jining_keeps_the_source_articles_rules(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        using var files = new TestFiles();
        await using var db = t.Open();
        await DivisionImporter.ImportAsync(db, TimeProvider.System, files.Text("jining.csv", DivisionImportTests.Base), null, null, default);

        var policy = (await PolicyStore.GetAsync(db, 2026, default)).Policy;
        Assert.Equal("0537-12380", policy.Public.Telephone);
        Assert.Equal(112, policy.FirstSecretaries.CityQuota);
    }
}
