namespace Instacart.Analysis.Derivation;

/// <summary>SPEC §4 price_range.</summary>
public enum PriceRange : byte
{
    /// <summary>Price ≤ 5.</summary>
    Low,

    /// <summary>5 &lt; price ≤ 15.</summary>
    Mid,

    /// <summary>Price &gt; 15.</summary>
    High,

    /// <summary>No known price.</summary>
    Unknown,
}

/// <summary>SPEC §4 busiest_days flag.</summary>
public enum DayFlag : byte
{
    /// <summary>The top-ranked days.</summary>
    BusiestDays,

    /// <summary>The days between.</summary>
    RegularlyBusy,

    /// <summary>The bottom-ranked days.</summary>
    SlowestDays,
}

/// <summary>SPEC §4 busiest_period_of_day flag.</summary>
public enum HourFlag : byte
{
    /// <summary>The top-ranked hours.</summary>
    MostOrders,

    /// <summary>The hours between.</summary>
    AverageOrders,

    /// <summary>The bottom-ranked hours.</summary>
    FewestOrders,
}

/// <summary>SPEC §4 time_segment.</summary>
public enum TimeSegment : byte
{
    /// <summary>04–09.</summary>
    EarlyBirds,

    /// <summary>10–15.</summary>
    Midday,

    /// <summary>16–21.</summary>
    Evening,

    /// <summary>22–03.</summary>
    NightOwls,
}

/// <summary>SPEC §4 loyalty.</summary>
public enum Loyalty : byte
{
    /// <summary>Highest order number ≤ 10.</summary>
    New,

    /// <summary>10 &lt; highest order number ≤ 40.</summary>
    Regular,

    /// <summary>Highest order number &gt; 40.</summary>
    Loyal,
}

/// <summary>SPEC §4 spending.</summary>
public enum Spending : byte
{
    /// <summary>Mean known item price below 10, or no known price.</summary>
    Low,

    /// <summary>Mean known item price at least 10.</summary>
    High,
}

/// <summary>SPEC §4 frequency.</summary>
public enum Frequency : byte
{
    /// <summary>Median days between orders ≤ 10.</summary>
    Frequent,

    /// <summary>10 &lt; median ≤ 20.</summary>
    Regular,

    /// <summary>Median &gt; 20.</summary>
    NonFrequent,

    /// <summary>No days value.</summary>
    Unknown,
}

/// <summary>US Census region (SPEC §4).</summary>
public enum Region : byte
{
    /// <summary>Northeast.</summary>
    Northeast,

    /// <summary>Midwest.</summary>
    Midwest,

    /// <summary>South.</summary>
    South,

    /// <summary>West.</summary>
    West,

    /// <summary>A state not listed.</summary>
    Unknown,
}

/// <summary>SPEC §4 age_group.</summary>
public enum AgeGroup : byte
{
    /// <summary>Age ≤ 35.</summary>
    YoungAdult,

    /// <summary>36–64.</summary>
    MiddleAged,

    /// <summary>Age ≥ 65.</summary>
    Senior,
}

/// <summary>SPEC §4 income_group.</summary>
public enum IncomeGroup : byte
{
    /// <summary>Income below 50,000.</summary>
    Low,

    /// <summary>50,000 to 120,000.</summary>
    Middle,

    /// <summary>Above 120,000.</summary>
    High,
}

/// <summary>SPEC §4 household.</summary>
public enum Household : byte
{
    /// <summary>At least one dependant.</summary>
    Parent,

    /// <summary>No dependants.</summary>
    NoDependants,
}

/// <summary>SPEC §4 profile: age group × household.</summary>
public enum Profile : byte
{
    /// <summary>Young adult with dependants.</summary>
    YoungParent,

    /// <summary>Young adult without dependants.</summary>
    YoungNoDependants,

    /// <summary>Middle-aged with dependants.</summary>
    MiddleAgedParent,

    /// <summary>Middle-aged without dependants.</summary>
    MiddleAgedNoDependants,

    /// <summary>Senior with dependants.</summary>
    SeniorParent,

    /// <summary>Senior without dependants.</summary>
    SeniorNoDependants,
}
