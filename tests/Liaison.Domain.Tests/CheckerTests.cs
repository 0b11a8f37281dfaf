using Liaison.Domain.Liaisons;
using Liaison.Domain.People;

namespace Liaison.Domain.Tests;

public class CheckerTests
{
    private static readonly LiaisonWorld Planned = PlanWorlds.Planned(PlanWorlds.World());

    private static CheckResult CheckWith(Func<List<LiaisonTie>, IEnumerable<LiaisonTie>> change) =>
        LiaisonChecker.Check(PlanWorlds.With(Planned, change(Planned.Ties.ToList())));

    private static LiaisonTie Tie(TieKind kind, RosterCadre cadre, string code, long id = 900) =>
        new() { Id = id, Year = PlanWorlds.Year, Kind = kind, CadreId = cadre.Id, DivisionCode = code, Origin = TieOrigin.Manual };

    [Fact]
    public void A_police_officer_with_two_villages_breaks_police_one()
    {
        var officer = Planned.Cadres.First(c => c.IsPolice && c.Rank == CadreRank.Ordinary);
        var check = CheckWith(ties => ties.Append(Tie(TieKind.Police, officer, "370801001209")));

        var v = Assert.Single(check.Violations);
        Assert.Equal("police.one", v.Rule.Id);
        Assert.Equal(officer.Code, Assert.Single(v.People).Code);
        Assert.Equal(2, v.Places.Count);
    }

    [Fact]
    public void An_officer_with_no_village_is_named_in_the_jurisdiction_of_the_station_though_no_place_is_involved()
    {
        var officer = Planned.Cadres.First(c => c.IsPolice && c.Rank == CadreRank.Ordinary);
        var station = Planned.UnitOf(officer)!.DivisionCode;
        var check = CheckWith(ties => ties.Where(t => t.CadreId != officer.Id));

        var v = Assert.Single(check.Violations, v => v.Rule.Id == "police.one");
        Assert.Empty(v.Places);
        Assert.True(v.Concerns(station));
        Assert.True(v.Concerns(station[..6]));
        Assert.False(v.Concerns(station[..6] == "370801" ? "370802" : "370801"));
    }

    [Fact]
    public void A_county_leader_tied_outside_the_county_breaks_contact_within()
    {
        var leader = Planned.Cadres.First(c => c.Rank == CadreRank.CountyLeader && Planned.UnitOf(c)!.DivisionCode == "370801");
        var village = Planned.Ties.Single(t => t.CadreId == leader.Id && t.DivisionCode.Length == 12);
        var check = CheckWith(ties => ties.Where(t => t.Id != village.Id).Append(Tie(TieKind.ContactPoint, leader, "370802001201")));

        Assert.Contains(check.Violations, v => v.Rule.Id == "contact.within" && v.People.Any(p => p.Code == leader.Code) && v.Places.Any(p => p.Code == "370802001201"));
    }

    [Fact]
    public void A_city_leader_without_a_township_breaks_contact_city_township()
    {
        var leader = Planned.Cadres.First(c => c.Rank == CadreRank.CityLeader);
        var check = CheckWith(ties => ties.Where(t => !(t.CadreId == leader.Id && t.DivisionCode.Length == 9)));

        Assert.Contains(check.Violations, v => v.Rule.Id == "contact.city.township" && v.People.Single().Code == leader.Code);
    }

    [Fact]
    public void A_pairing_without_its_half_yearly_stays_breaks_pairing_stay()
    {
        var pairing = Planned.Ties.First(t => t.Kind == TieKind.Pairing);
        var stays = Planned.Ties.SelectMany(t => Planned.Stays[t.Id]).Where(s => !(s.TieId == pairing.Id && s.StartsOn.Month > 6));
        var check = LiaisonChecker.Check(PlanWorlds.With(Planned, Planned.Ties, stays));

        var v = Assert.Single(check.Violations);
        Assert.Equal("pairing.stay", v.Rule.Id);
        Assert.Contains("second half-year", v.DetailEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_village_with_nobody_breaks_coverage_and_counts_as_uncovered()
    {
        var village = Planned.Villages[0].Code;
        var check = CheckWith(ties => ties.Where(t => t.DivisionCode != village));

        Assert.Contains(check.Violations, v => v.Rule.Id == "coverage.village" && v.Places.Single().Code == village);
        Assert.Equal(39, check.Coverage.Covered);
    }

    [Fact]
    public void An_untaken_backward_village_and_a_leader_without_one_are_both_named()
    {
        var taken = Planned.Ties.First(t => t.Kind == TieKind.BackwardVillage && t.DivisionCode == "370801001203");
        var check = CheckWith(ties => ties.Where(t => t.Id != taken.Id));

        Assert.Contains(check.Violations, v => v.Rule.Id == "backward.taken" && v.Places.Any(p => p.Code == "370801001203"));
        Assert.Contains(check.Violations, v => v.Rule.Id == "backward.one" && v.People.Single().Code == Planned.CadresById[taken.CadreId!.Value].Code);
    }

    [Fact]
    public void A_contact_point_for_an_ordinary_cadre_breaks_tie_rank()
    {
        var ordinary = Planned.Cadres.First(c => c.Rank == CadreRank.Ordinary && !c.IsPolice);
        var check = CheckWith(ties => ties.Append(Tie(TieKind.ContactPoint, ordinary, "370801001201")));

        Assert.Equal("tie.rank", Assert.Single(check.Violations).Rule.Id);
    }

    [Fact]
    public void Leaders_residence_below_the_minimum_breaks_contact_residence()
    {
        var leader = Planned.Cadres.First(c => c.Rank == CadreRank.CityLeader);
        var village = Planned.Ties.Single(t => t.CadreId == leader.Id && t.DivisionCode.Length == 12);
        Assert.True(Planned.PlannedDays(village.Id) >= 10);
        var stays = Planned.Ties.SelectMany(t => Planned.Stays[t.Id]).Where(s => s.TieId != village.Id);
        var check = LiaisonChecker.Check(PlanWorlds.With(Planned, Planned.Ties, stays));

        Assert.Contains(check.Violations, v => v.Rule.Id == "contact.residence" && v.DetailEn.Contains("at least 10", StringComparison.Ordinal));
    }
}
