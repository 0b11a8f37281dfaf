using Liaison.Domain.People;

namespace Liaison.Data.Demo;

public enum DemoScale
{
    /// <summary>One county of Jining at full density.</summary>
    Small,
    /// <summary>The whole city: about 73,000 cadres and 1.81 million households.</summary>
    City,
}

/// <summary>
/// The demo city's proportions, taken from the source article (DOMAIN.md) where it gives them and
/// set to plausible values where it does not (marked "assumed").
/// </summary>
public sealed record DemoProfile
{
    /// <summary>The county that <see cref="DemoScale.Small"/> keeps: 汶上县, a rural county of 14 townships.</summary>
    public string SmallCounty { get; init; } = "370830";

    public int TotalCadres { get; init; } = 73_000;
    public int CityLeaders { get; init; } = 33;
    public int CountyLeaders { get; init; } = 265;
    /// <summary>City-unit leaders with a contact point (476); each city unit has about four.</summary>
    public int CityUnitLeaders { get; init; } = 476;
    public int UnitLeadersPerCountyUnit { get; init; } = 4;
    /// <summary>Township leadership members (1,330 took a backward village each).</summary>
    public int TownshipLeaders { get; init; } = 1_330;
    public int PoliceOfficers { get; init; } = 4_850;
    /// <summary>Shares of all cadres serving in city-, county- and township-level units (assumed).</summary>
    public double CityUnitShare { get; init; } = 0.16;
    public double TownshipUnitShare { get; init; } = 0.25;
    public double ReserveShare { get; init; } = 0.08;
    public double NewlyPromotedShare { get; init; } = 0.03;
    public double FemaleShare { get; init; } = 0.35;

    /// <summary>Households per village: lognormal with this mean (1.81 million over 4,927 villages).</summary>
    public double HouseholdMean { get; init; } = 368;
    public double HouseholdSigma { get; init; } = 0.45;
    public double HouseholdPhoneShare { get; init; } = 0.85;

    /// <summary>Share of households in each category (assumed).</summary>
    public IReadOnlyDictionary<HouseholdCategory, double> CategoryShares { get; init; } = new Dictionary<HouseholdCategory, double>
    {
        [HouseholdCategory.OldPartyMember] = 0.05,
        [HouseholdCategory.OldCadre] = 0.015,
        [HouseholdCategory.OldModelWorker] = 0.008,
        [HouseholdCategory.Poor] = 0.07,
        [HouseholdCategory.Wealthy] = 0.06,
        [HouseholdCategory.Petitioner] = 0.004,
    };

    /// <summary>Party-organisation grades of villages: 2,212 / 3,310 / 748 of 6,270.</summary>
    public double AdvancedShare { get; init; } = 2_212 / 6_270.0;
    public double BackwardShare { get; init; } = 748 / 6_270.0;

    /// <summary>Village types for matching (assumed); a village may have several.</summary>
    public double DifficultShare { get; init; } = 0.12;
    public double DisorderlyShare { get; init; } = 0.05;
    public double PoorShare { get; init; } = 0.18;
    public double SpecialisedShare { get; init; } = 0.10;

    public static DemoProfile Jining { get; } = new();
}
