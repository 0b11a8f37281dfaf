using Liaison.Domain.Access;

namespace Liaison.Domain.Tests;

public class AccessTests
{
    [Theory]
    [InlineData("370830", "370830102202", true)]
    [InlineData("370830", "370830", true)]
    [InlineData("370830", "3708", false)]
    [InlineData("370830", "370811002001", false)]
    [InlineData("370830102", "370830103001", false)]
    public void A_division_scope_covers_its_subtree_only(string scope, string code, bool covered) =>
        Assert.Equal(covered, Scope.Division(scope).Covers(code));

    [Fact]
    public void Everything_covers_everything_and_a_unit_reads_its_divisions_subtree()
    {
        Assert.True(Scope.Everything.Covers("11"));
        var unit = Scope.Unit(7, "370830");
        Assert.True(unit.Covers("370830001001"));
        Assert.False(unit.Covers("370811"));
        Assert.Equal("unit:7", unit.ToString());
        Assert.Equal("*", Scope.Everything.ToString());
    }

    [Fact]
    public void A_cadres_scope_reaches_its_work_teams_divisions_and_is_written_as_before()
    {
        // A village's cadre in a township's team, a county's group, and a group inside the team's township.
        var scope = Scope.Division("370830001001").WithTeams(["370811002", "370830001001", "370811002003", "370826"]);
        Assert.Equal(["370811002", "370826"], scope.Teams);
        Assert.Equal(["370830001001", "370811002", "370826"], scope.Roots);
        Assert.True(scope.Covers("370811002003"));
        Assert.True(scope.Covers("370826100200"));
        Assert.False(scope.Covers("370811003001"));
        Assert.False(scope.Covers("370830001002"));
        Assert.Equal("370830001001", scope.ToString());
        Assert.Empty(Scope.Everything.WithTeams(["370811"]).Teams);
        Assert.Empty(Scope.Everything.Roots);
    }

    [Theory]
    [InlineData("37083")]
    [InlineData("abc")]
    [InlineData("")]
    public void Malformed_division_scopes_are_refused(string code) => Assert.Throws<FormatException>(() => Scope.Division(code));

    [Theory]
    [InlineData(Role.Admin, Ability.ManageAccounts, true)]
    [InlineData(Role.Office, Ability.ManageAccounts, true)]
    [InlineData(Role.Office, Ability.ReadAudit, true)]
    [InlineData(Role.Inspector, Ability.RevealPersonalData, false)]
    [InlineData(Role.Inspector, Ability.Read, true)]
    [InlineData(Role.UnitAdmin, Ability.RevealPersonalData, false)]
    [InlineData(Role.Cadre, Ability.RevealPersonalData, true)]
    [InlineData(Role.Cadre, Ability.ReadAudit, false)]
    public void Roles_grant_abilitys_as_the_table_says(Role role, Ability ability, bool granted) =>
        Assert.Equal(granted, Roles.May(role, ability));

    [Fact]
    public void Role_names_round_trip()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            Assert.True(Roles.TryParse(Roles.Name(role), out var parsed));
            Assert.Equal(role, parsed);
        }
    }
}
