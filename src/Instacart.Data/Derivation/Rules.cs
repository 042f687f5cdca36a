namespace Instacart.Data.Derivation;

/// <summary>The rules of SPEC §4 as pure functions of a value and the options.</summary>
public static class Rules
{
    /// <summary>Low if price ≤ 5; Mid if ≤ 15; High above; Unknown if NaN (missing).</summary>
    public static PriceRange PriceRangeOf(double price, AnalysisOptions options) =>
        double.IsNaN(price) ? PriceRange.Unknown
        : price <= options.LowPriceMax ? PriceRange.Low
        : price <= options.MidPriceMax ? PriceRange.Mid
        : PriceRange.High;

    /// <summary>Early birds 04–09, Midday 10–15, Evening 16–21, Night owls 22–03.</summary>
    public static TimeSegment TimeSegmentOf(int hour) => hour switch
    {
        >= 4 and <= 9 => TimeSegment.EarlyBirds,
        >= 10 and <= 15 => TimeSegment.Midday,
        >= 16 and <= 21 => TimeSegment.Evening,
        _ => TimeSegment.NightOwls,
    };

    /// <summary>Loyal if max order &gt; 40; Regular if &gt; 10; New otherwise.</summary>
    public static Loyalty LoyaltyOf(int maxOrder, AnalysisOptions options) =>
        maxOrder > options.LoyalAbove ? Loyalty.Loyal
        : maxOrder > options.RegularAbove ? Loyalty.Regular
        : Loyalty.New;

    /// <summary>High spender if the mean known price is at least 10; Low otherwise, and when there is no known price (NaN).</summary>
    public static Spending SpendingOf(double meanItemPrice, AnalysisOptions options) =>
        !double.IsNaN(meanItemPrice) && meanItemPrice >= options.HighSpenderMin ? Spending.High : Spending.Low;

    /// <summary>Frequent if the median ≤ 10; Regular if ≤ 20; Non-frequent above; Unknown when NaN.</summary>
    public static Frequency FrequencyOf(double medianDays, AnalysisOptions options) =>
        double.IsNaN(medianDays) ? Frequency.Unknown
        : medianDays <= options.FrequentMaxDays ? Frequency.Frequent
        : medianDays <= options.RegularMaxDays ? Frequency.Regular
        : Frequency.NonFrequent;

    /// <summary>Young adult ≤ 35, Senior ≥ 65, Middle-aged between.</summary>
    public static AgeGroup AgeGroupOf(int age, AnalysisOptions options) =>
        age <= options.YoungMaxAge ? AgeGroup.YoungAdult
        : age >= options.SeniorMinAge ? AgeGroup.Senior
        : AgeGroup.MiddleAged;

    /// <summary>Low income below 50,000; High above 120,000; Middle between, ends included.</summary>
    public static IncomeGroup IncomeGroupOf(int income, AnalysisOptions options) =>
        income < options.LowIncomeBelow ? IncomeGroup.Low
        : income > options.HighIncomeAbove ? IncomeGroup.High
        : IncomeGroup.Middle;

    /// <summary>Parent when there is at least one dependant.</summary>
    public static Household HouseholdOf(int dependants) => dependants > 0 ? Household.Parent : Household.NoDependants;

    /// <summary>Age group × household.</summary>
    public static Profile ProfileOf(AgeGroup age, Household household) =>
        (Profile)(((int)age * 2) + (household == Household.Parent ? 0 : 1));

    /// <summary>The US Census region of a state spelled out, or Unknown.</summary>
    public static Region RegionOf(string state) => Regions.Of(state);

    /// <summary>The median of <paramref name="values"/> (sorted in place); an even count averages the two middle values; NaN when empty.</summary>
    public static double Median(Span<float> values)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : (values[mid - 1] + (double)values[mid]) / 2;
    }
}
