namespace Instacart.Data.Derivation;

/// <summary>The exact user-facing text of every code (SPEC §4): one lookup, not a string per line.</summary>
public static class Labels
{
    private static readonly string[] SaturdayFirstDays = ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    private static readonly string[] SundayFirstDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>The day name of <c>order_dow</c> <paramref name="dow"/> under <paramref name="convention"/>.</summary>
    public static string Day(int dow, DayConvention convention) =>
        (convention == DayConvention.SaturdayFirst ? SaturdayFirstDays : SundayFirstDays)[dow];

    /// <summary>"Busiest days", "Regularly busy" or "Slowest days".</summary>
    public static string Of(DayFlag flag) => flag switch
    {
        DayFlag.BusiestDays => "Busiest days",
        DayFlag.RegularlyBusy => "Regularly busy",
        _ => "Slowest days",
    };

    /// <summary>"Most orders", "Average orders" or "Fewest orders".</summary>
    public static string Of(HourFlag flag) => flag switch
    {
        HourFlag.MostOrders => "Most orders",
        HourFlag.AverageOrders => "Average orders",
        _ => "Fewest orders",
    };

    /// <summary>"Low", "Mid", "High" or "Unknown".</summary>
    public static string Of(PriceRange range) => range switch
    {
        PriceRange.Low => "Low",
        PriceRange.Mid => "Mid",
        PriceRange.High => "High",
        _ => "Unknown",
    };

    /// <summary>"Early birds", "Midday", "Evening" or "Night owls".</summary>
    public static string Of(TimeSegment segment) => segment switch
    {
        TimeSegment.EarlyBirds => "Early birds",
        TimeSegment.Midday => "Midday",
        TimeSegment.Evening => "Evening",
        _ => "Night owls",
    };

    /// <summary>"New customer", "Regular customer" or "Loyal customer".</summary>
    public static string Of(Loyalty loyalty) => loyalty switch
    {
        Loyalty.New => "New customer",
        Loyalty.Regular => "Regular customer",
        _ => "Loyal customer",
    };

    /// <summary>"Low spender" or "High spender".</summary>
    public static string Of(Spending spending) => spending == Spending.High ? "High spender" : "Low spender";

    /// <summary>"Frequent customer", "Regular customer", "Non-frequent customer" or "Unknown".</summary>
    public static string Of(Frequency frequency) => frequency switch
    {
        Frequency.Frequent => "Frequent customer",
        Frequency.Regular => "Regular customer",
        Frequency.NonFrequent => "Non-frequent customer",
        _ => "Unknown",
    };

    /// <summary>The region's name, or "Unknown".</summary>
    public static string Of(Region region) => region switch
    {
        Region.Northeast => "Northeast",
        Region.Midwest => "Midwest",
        Region.South => "South",
        Region.West => "West",
        _ => "Unknown",
    };

    /// <summary>"Young adult", "Middle-aged" or "Senior".</summary>
    public static string Of(AgeGroup group) => group switch
    {
        AgeGroup.YoungAdult => "Young adult",
        AgeGroup.MiddleAged => "Middle-aged",
        _ => "Senior",
    };

    /// <summary>"Low income", "Middle income" or "High income".</summary>
    public static string Of(IncomeGroup group) => group switch
    {
        IncomeGroup.Low => "Low income",
        IncomeGroup.Middle => "Middle income",
        _ => "High income",
    };

    /// <summary>"Parent" or "No dependants".</summary>
    public static string Of(Household household) => household == Household.Parent ? "Parent" : "No dependants";

    /// <summary>The profile's exact name, e.g. "Young parent" or "Senior, no dependants".</summary>
    public static string Of(Profile profile) => profile switch
    {
        Profile.YoungParent => "Young parent",
        Profile.YoungNoDependants => "Young, no dependants",
        Profile.MiddleAgedParent => "Middle-aged parent",
        Profile.MiddleAgedNoDependants => "Middle-aged, no dependants",
        Profile.SeniorParent => "Senior parent",
        _ => "Senior, no dependants",
    };
}
