using Liaison.Data.Accounts;
using Liaison.Domain.Access;
using Liaison.Domain.Divisions;
using Liaison.Domain.People;

namespace Liaison.Data.Tests;

public class TokenAccountTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Tokens_are_found_together_each_with_its_own_account_state_and_scope_and_nothing_more(string provider)
    {
        await using var t = await TestDb.CreateAsync(provider);
        await using var db = t.Open();
        db.Divisions.Add(new Division { Code = "3708", Name = "济宁市", Level = DivisionLevel.City, ParentCode = "37" });
        var unit = new Unit { Code = "3708U001", Name = "市测试单位", Level = UnitLevel.City, Category = UnitCategory.Economic, DivisionCode = "3708" };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var byUnit = new Account { UserName = "unit-admin", NormalizedUserName = "UNIT-ADMIN", Role = Role.UnitAdmin, ScopeUnitId = unit.Id, PasswordHash = "secret", SecurityStamp = "stamp-1", CreatedAt = now };
        var byDivision = new Account { UserName = "inspector", NormalizedUserName = "INSPECTOR", Role = Role.Inspector, ScopeDivisionCode = "3708", IsDisabled = true, CreatedAt = now };
        db.Users.AddRange(byUnit, byDivision);
        await db.SaveChangesAsync();
        ApiToken Token(Account a, string hash, DateTimeOffset? revoked = null) =>
            new() { AccountId = a.Id, Name = hash, TokenHash = hash, Prefix = "lsn_", CreatedAt = now, ExpiresAt = now.AddDays(30), RevokedAt = revoked };
        db.ApiTokens.AddRange(Token(byUnit, "hash-a"), Token(byDivision, "hash-b", revoked: now.AddDays(1)));
        await db.SaveChangesAsync();

        var found = await TokenAccounts.FindAsync(db, ["hash-a", "hash-b", "hash-a", "hash-unknown"], default);

        Assert.Equal(["hash-a", "hash-b"], found.Keys.Order(StringComparer.Ordinal));
        var a = found["hash-a"];
        Assert.Equal((byUnit.Id, "unit-admin", Role.UnitAdmin, (int?)unit.Id, "3708", "stamp-1", false, (DateTimeOffset?)null),
            (a.Account.Id, a.Account.UserName, a.Account.Role, a.Account.ScopeUnitId, a.UnitDivision, a.Account.SecurityStamp, a.IsDisabled, a.RevokedAt));
        // Only what signing in needs is read: never the password hash.
        Assert.Null(a.Account.PasswordHash);
        var b = found["hash-b"];
        Assert.Equal(("3708", (string?)null, true, now.AddDays(1)), (b.Account.ScopeDivisionCode, b.UnitDivision, b.IsDisabled, b.RevokedAt));
    }
}
