namespace Instacart.Synthetic;

/// <summary>
/// The real dataset's marginals that the generator reproduces (SPEC §6 and the public Instacart
/// files), as integer weights so that sampling needs no floating-point function whose last bit
/// could differ between machines.
/// </summary>
internal static class Calibration
{
    /// <summary>The 21 real department names, in id order (department_id = index + 1).</summary>
    public static readonly string[] Departments =
    [
        "frozen", "other", "bakery", "produce", "alcohol", "international", "beverages", "pets",
        "dry goods pasta", "bulk", "personal care", "meat seafood", "pantry", "breakfast",
        "canned goods", "dairy eggs", "household", "babies", "snacks", "deli", "missing",
    ];

    /// <summary>Prior order lines per department in the real data (department id order): the share of lines each department gets.</summary>
    public static readonly long[] DepartmentLines =
    [
        2_236_432, 36_291, 1_176_787, 9_479_291, 153_696, 269_253, 2_690_129, 97_724,
        866_627, 34_573, 447_123, 708_931, 1_875_577, 709_569,
        1_068_058, 5_414_016, 738_666, 423_802, 2_887_550, 1_051_249, 69_145,
    ];

    /// <summary>Products per department in the real catalogue (department id order): how the catalogue is split.</summary>
    public static readonly int[] DepartmentProducts =
    [
        4_007, 548, 1_516, 1_684, 1_056, 1_139, 4_365, 972,
        1_858, 38, 6_565, 907, 5_371, 1_116,
        2_092, 3_449, 3_085, 1_081, 6_264, 1_322, 1_258,
    ];

    /// <summary>Aisles per department in the real catalogue (department id order); 134 in all.</summary>
    public static readonly int[] DepartmentAisles =
    [
        11, 1, 5, 5, 5, 4, 8, 2, 5, 2, 17, 7, 12, 4, 5, 10, 10, 4, 11, 5, 1,
    ];

    /// <summary>Order lines by order_dow 0..6 (SPEC §6): orders are drawn with these weights.</summary>
    public static readonly int[] DayOfWeek =
    [
        6_204_182, 5_660_230, 4_213_830, 3_840_534, 3_783_802, 4_205_791, 4_496_490,
    ];

    /// <summary>Orders by order_hour_of_day 0..23 in the real orders file.</summary>
    public static readonly int[] HourOfDay =
    [
        22_758, 12_398, 7_539, 5_474, 5_527, 9_569, 30_529, 91_868, 178_201, 257_812, 288_418, 284_728,
        272_841, 277_999, 283_042, 283_639, 272_553, 228_795, 182_912, 140_569, 104_292, 78_109, 61_468, 40_043,
    ];

    /// <summary>Orders by days_since_prior_order 0..30 in the real orders file (30 also holds every longer gap: the spike).</summary>
    public static readonly int[] DaysSincePrior =
    [
        67_755, 145_247, 193_206, 217_005, 221_696, 214_503, 240_013, 320_608, 181_717, 118_188, 95_186,
        80_970, 76_146, 83_214, 100_230, 66_579, 46_941, 39_245, 35_881, 34_384, 38_527, 45_470,
        32_012, 23_885, 20_712, 19_234, 19_016, 22_013, 26_777, 19_191, 369_323,
    ];

    /// <summary>The smallest number of orders a user places (3 prior and a last one).</summary>
    public const int MinOrdersPerUser = 4;

    /// <summary>
    /// Users by their number of orders, 4..100, per million: (n − 4 + 6.5)^−1.3 · e^−(n−4)/40 fitted to the
    /// real counts (23,986 users with 4 orders, 19,590 with 5, …, mean 16.6) plus the real spike of
    /// 0.67% at the cap of 100.
    /// </summary>
    public static readonly int[] OrdersPerUser =
    [
        117269, 94958, 78706, 66429, 56884, 49292, 43136, 38066, 33832, 30257, 27206, 24580, 22303, 20313,
        18565, 17019, 15646, 14421, 13324, 12336, 11445, 10637, 9904, 9236, 8626, 8067, 7555, 7084, 6650,
        6249, 5879, 5535, 5217, 4922, 4647, 4390, 4151, 3928, 3720, 3525, 3342, 3170, 3010, 2858, 2716,
        2582, 2457, 2338, 2226, 2120, 2020, 1926, 1837, 1752, 1673, 1597, 1525, 1457, 1393, 1331, 1273,
        1218, 1165, 1115, 1068, 1022, 979, 938, 899, 862, 826, 793, 760, 729, 700, 672, 645, 619, 595, 571,
        549, 527, 507, 487, 468, 450, 433, 416, 400, 385, 371, 357, 343, 330, 318, 306, 6663,
    ];

    /// <summary>Share of users whose last order is <c>train</c> (131,209 of 206,209); the rest are <c>test</c>.</summary>
    public const double TrainShare = 131_209.0 / 206_209.0;

    /// <summary>Mean order lines per prior order in the real data (32,434,489 / 3,214,874).</summary>
    public const double MeanBasket = 10.09;

    /// <summary>The largest basket in the real data.</summary>
    public const int MaxBasket = 145;

    /// <summary>The product ids of the real catalogue run to this; the default product count never exceeds it.</summary>
    public const int RealProducts = 49_688;

    /// <summary>The 50 states and the District of Columbia, spelled out as in the course's customers file.</summary>
    public static readonly string[] States =
    [
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
        "District of Columbia", "Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa",
        "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
        "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
        "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
        "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah",
        "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming",
    ];
}

/// <summary>Draws an index with probability proportional to integer weights (binary search over the running sums).</summary>
internal sealed class CumulativeTable
{
    private readonly long[] _running;

    /// <summary>Builds the table; every weight must be ≥ 0 and their sum positive.</summary>
    public CumulativeTable(ReadOnlySpan<int> weights)
    {
        _running = new long[weights.Length];
        long sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sum += weights[i];
            _running[i] = sum;
        }

        if (sum <= 0 || sum > int.MaxValue)
        {
            throw new ArgumentException("Weights must sum to a positive int.", nameof(weights));
        }
    }

    /// <summary>The sum of the weights.</summary>
    public int Total => (int)_running[^1];

    /// <summary>The index whose slice of [0, Total) holds <paramref name="ticket"/>.</summary>
    public int Find(int ticket)
    {
        int lo = 0, hi = _running.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_running[mid] > ticket)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>Draws an index.</summary>
    public int Sample(ref Prng rng) => Find(rng.Next(Total));
}

/// <summary>Vose's alias table: draws one of n items in O(1) with probability proportional to double weights.</summary>
internal sealed class AliasTable
{
    private readonly double[] _accept;
    private readonly int[] _alias;

    /// <summary>Builds the table from non-negative weights with a positive sum.</summary>
    public AliasTable(ReadOnlySpan<double> weights)
    {
        int n = weights.Length;
        _accept = new double[n];
        _alias = new int[n];
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (int i = 0; i < n; i++)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1.0 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            int s = small.Pop();
            int l = large.Pop();
            _accept[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            (scaled[l] < 1.0 ? small : large).Push(l);
        }

        while (large.Count > 0)
        {
            int l = large.Pop();
            _accept[l] = 1.0;
            _alias[l] = l;
        }

        while (small.Count > 0)
        {
            int s = small.Pop();
            _accept[s] = 1.0;
            _alias[s] = s;
        }
    }

    /// <summary>Draws an index.</summary>
    public int Sample(ref Prng rng)
    {
        int i = rng.Next(_accept.Length);
        return rng.NextDouble() < _accept[i] ? i : _alias[i];
    }
}
