namespace Instacart.Synthetic;

/// <summary>
/// What <see cref="SyntheticGenerator.Write(string, SyntheticOptions)"/> makes: how many customers, the seed,
/// and the scale knobs. Equal options give byte-identical files on any machine, culture or thread count.
/// </summary>
/// <param name="Users">
/// Number of customers (user ids 1..Users). Each places 4–100 orders (16.6 on average, like the real data),
/// so 206,209 users give the real scale: about 3.4M orders and 32–34M prior order lines.
/// </param>
/// <param name="Seed">Seed of every random choice; another seed gives other data with the same shape.</param>
public sealed record SyntheticOptions(int Users, int Seed = 1)
{
    /// <summary>The most products the default scale gives: the real catalogue's highest product id.</summary>
    public const int MaxDefaultProducts = 49_688;

    /// <summary>The fewest products the default scale gives.</summary>
    public const int MinDefaultProducts = 2_000;

    /// <summary>The fewest products allowed: room for every aisle, the quirky rows and the largest baskets.</summary>
    public const int MinProducts = 500;

    /// <summary>
    /// Number of distinct product ids (1..Products). <see langword="null"/> (the default) means
    /// <c>min(49,688, max(2,000, 2 × Users))</c>: the real catalogue at full scale, and a catalogue that
    /// small samples still reorder from. At least <see cref="MinProducts"/>.
    /// </summary>
    public int? Products { get; init; }

    /// <summary>
    /// Whether the files carry the data errors of the course files (default <see langword="true"/>), each
    /// there to exercise one cleaning or merge rule of the analysis (SPEC §2–§3):
    /// <list type="bullet">
    /// <item>products with an empty or whitespace-only name, the most popular of them bought often, so that
    /// <c>products_nameless</c> and <c>lines_without_product</c> are non-zero;</item>
    /// <item>product rows that exactly repeat the row before them (<c>products_duplicate_rows</c>);</item>
    /// <item>product ids that appear twice with different names, the second row right after the first
    /// (<c>products_conflicting_ids</c>; a join must keep the first and not multiply lines);</item>
    /// <item>two absurd prices above 100 (99999 and one like 14900) on bought products (<c>price_outliers</c>:
    /// such a price becomes missing);</item>
    /// <item>a few users (3, or one in 2,000) who have orders but no row in customers.csv
    /// (<c>lines_without_customer</c>).</item>
    /// </list>
    /// Layout facts of the real files are kept either way: CRLF endings in products.csv and customers.csv,
    /// product names with commas and doubled quotes (RFC 4180 quoting), empty <c>First Name</c> fields, and
    /// products nobody bought.
    /// </summary>
    public bool Quirks { get; init; } = true;

    /// <summary>The options of the committed <c>data-sample/</c>: 1,000 users, seed 42, other knobs at their defaults.</summary>
    public static SyntheticOptions Sample { get; } = new(1000, 42);

    /// <summary>The number of products this run makes: <see cref="Products"/>, or the default scale.</summary>
    public int ProductCount => Products ?? (int)Math.Min(MaxDefaultProducts, Math.Max(MinDefaultProducts, 2L * Users));
}
