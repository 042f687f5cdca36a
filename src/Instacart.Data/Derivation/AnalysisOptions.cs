namespace Instacart.Data.Derivation;

/// <summary>How <c>order_dow</c> 0..6 is read.</summary>
public enum DayConvention
{
    /// <summary>0 = Saturday, 1 = Sunday, …, 6 = Friday: the course's reading (the default).</summary>
    SaturdayFirst,

    /// <summary>0 = Sunday, 1 = Monday, …, 6 = Saturday: the other common reading.</summary>
    SundayFirst,
}

/// <summary>
/// Every rule's threshold (SPEC §4) with its default. Change one with a <c>with</c> expression:
/// <c>AnalysisOptions.Default with { DayConvention = DayConvention.SundayFirst }</c>.
/// </summary>
public sealed record AnalysisOptions
{
    /// <summary>The defaults of SPEC §4.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>How day numbers are named.</summary>
    public DayConvention DayConvention { get; init; } = DayConvention.SaturdayFirst;

    /// <summary>A price above this is a data-entry error and becomes missing (SPEC §2.3).</summary>
    public double PriceOutlierAbove { get; init; } = 100;

    /// <summary>Low price range: price ≤ this.</summary>
    public double LowPriceMax { get; init; } = 5;

    /// <summary>Mid price range: Low max &lt; price ≤ this; High above.</summary>
    public double MidPriceMax { get; init; } = 15;

    /// <summary>How many top-ranked days are "Busiest days" and bottom-ranked "Slowest days".</summary>
    public int FlaggedDays { get; init; } = 2;

    /// <summary>How many top-ranked hours are "Most orders" and bottom-ranked "Fewest orders".</summary>
    public int FlaggedHours { get; init; } = 8;

    /// <summary>A customer is active (in the customer questions) when their highest prior order number is at least this.</summary>
    public int ActiveMinOrderNumber { get; init; } = 5;

    /// <summary>Loyal customer: highest order number above this.</summary>
    public int LoyalAbove { get; init; } = 40;

    /// <summary>Regular customer: highest order number above this (and not loyal); new otherwise.</summary>
    public int RegularAbove { get; init; } = 10;

    /// <summary>High spender: mean known item price at least this.</summary>
    public double HighSpenderMin { get; init; } = 10;

    /// <summary>Frequent customer: median days between orders at most this.</summary>
    public double FrequentMaxDays { get; init; } = 10;

    /// <summary>Regular (frequency) customer: median days at most this; non-frequent above.</summary>
    public double RegularMaxDays { get; init; } = 20;

    /// <summary>Young adult: age at most this.</summary>
    public int YoungMaxAge { get; init; } = 35;

    /// <summary>Senior: age at least this; middle-aged between.</summary>
    public int SeniorMinAge { get; init; } = 65;

    /// <summary>Low income: below this.</summary>
    public int LowIncomeBelow { get; init; } = 50_000;

    /// <summary>High income: above this; middle income between, both ends included.</summary>
    public int HighIncomeAbove { get; init; } = 120_000;

    /// <summary>What a load does with a row that breaks its file's schema: fail (the default) or skip and count it.</summary>
    public Input.BadRowPolicy OnBadRows { get; init; } = Input.BadRowPolicy.Fail;

    /// <summary>The department whose purchase makes a baby household.</summary>
    public string BabyDepartment { get; init; } = "babies";
}
