namespace Instacart.Data.Derivation;

/// <summary>The US Census regions of SPEC §4, by state name as the customers file spells it.</summary>
internal static class Regions
{
    private static readonly Dictionary<string, Region> ByState = Build();

    public static Region Of(string state) => ByState.TryGetValue(state.Trim(), out var region) ? region : Region.Unknown;

    private static Dictionary<string, Region> Build()
    {
        var map = new Dictionary<string, Region>(StringComparer.OrdinalIgnoreCase);
        void Add(Region region, params string[] states)
        {
            foreach (var state in states)
            {
                map.Add(state, region);
            }
        }

        Add(Region.Northeast, "Connecticut", "Maine", "Massachusetts", "New Hampshire", "Rhode Island", "Vermont", "New Jersey", "New York", "Pennsylvania");
        Add(Region.Midwest, "Illinois", "Indiana", "Michigan", "Ohio", "Wisconsin", "Iowa", "Kansas", "Minnesota", "Missouri", "Nebraska", "North Dakota", "South Dakota");
        Add(Region.South, "Delaware", "District of Columbia", "Florida", "Georgia", "Maryland", "North Carolina", "South Carolina", "Virginia", "West Virginia", "Alabama", "Kentucky", "Mississippi", "Tennessee", "Arkansas", "Louisiana", "Oklahoma", "Texas");
        Add(Region.West, "Arizona", "Colorado", "Idaho", "Montana", "Nevada", "New Mexico", "Utah", "Wyoming", "Alaska", "California", "Hawaii", "Oregon", "Washington");
        return map;
    }
}
