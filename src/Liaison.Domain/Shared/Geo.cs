namespace Liaison.Domain.Shared;

/// <summary>Distances on the earth's surface, for travel costs and plausibility.</summary>
public static class Geo
{
    /// <summary>Great-circle (haversine) distance in kilometres.</summary>
    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
