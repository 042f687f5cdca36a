namespace Instacart.Synthetic;

/// <summary>
/// What every chunk of users shares: the seed, the catalogue, each user's number of orders and the
/// permutation of order ids. Read-only once built, so chunks can be simulated on any thread.
/// </summary>
internal sealed class OrderSimulation
{
    /// <summary>Users per chunk. Fixed (not derived from the thread count) so the bytes never depend on the machine.</summary>
    public const int ChunkUsers = 1024;

    /// <summary>Share of orders placed on the user's usual day of the week (the rest follow the real marginal).</summary>
    private const double HomeDayShare = 0.35;

    /// <summary>Share of orders placed at the user's usual hour.</summary>
    private const double HomeHourShare = 0.45;

    /// <summary>Share of gaps drawn near the user's usual gap quantile (the rest follow the real marginal).</summary>
    private const double HabitualGapShare = 0.6;

    /// <summary>Mean chance (before the per-order ramp) that a basket slot is filled from the user's own history.</summary>
    internal const double ReorderBase = 0.80;

    private readonly int _seed;
    private readonly int[] _ordersPerUser;
    private readonly int[] _orderIds;
    private readonly long[] _chunkFirstOrder;
    private readonly bool[] _nameless;
    private readonly bool[] _missingUser;
    private readonly double[] _gapQuantile;
    private readonly CumulativeTable _dow = new(Calibration.DayOfWeek);
    private readonly CumulativeTable _hour = new(Calibration.HourOfDay);
    private readonly CumulativeTable _days = new(Calibration.DaysSincePrior);

    /// <summary>The catalogue lines are drawn from.</summary>
    public SyntheticCatalog Catalog { get; }

    /// <summary>Number of users (ids 1..Users).</summary>
    public int Users { get; }

    /// <summary>Number of chunks of <see cref="ChunkUsers"/> users.</summary>
    public int Chunks { get; }

    /// <summary>Orders of all users (rows of orders.csv).</summary>
    public long TotalOrders { get; }

    /// <summary>Plans the orders of <paramref name="users"/> users.</summary>
    public OrderSimulation(int users, int seed, SyntheticCatalog catalog, IReadOnlyCollection<int> missingUsers)
    {
        Users = users;
        _seed = seed;
        Catalog = catalog;
        Chunks = (users + ChunkUsers - 1) / ChunkUsers;

        var perUser = new CumulativeTable(Calibration.OrdersPerUser);
        _ordersPerUser = new int[users];
        _chunkFirstOrder = new long[Chunks + 1];
        long total = 0;
        for (int c = 0; c < Chunks; c++)
        {
            _chunkFirstOrder[c] = total;
            var rng = Prng.For(seed, Prng.Stream.OrderCounts, c);
            int end = Math.Min(users, (c + 1) * ChunkUsers);
            for (int u = c * ChunkUsers; u < end; u++)
            {
                int n = Calibration.MinOrdersPerUser + perUser.Sample(ref rng);
                _ordersPerUser[u] = n;
                total += n;
            }
        }

        _chunkFirstOrder[Chunks] = total;
        TotalOrders = total;
        if (total > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(users), "Too many orders for int order ids.");
        }

        // Order ids are 1..N, dense, in an order unrelated to users (the real ids are a permutation too).
        _orderIds = new int[total];
        for (int i = 0; i < _orderIds.Length; i++)
        {
            _orderIds[i] = i + 1;
        }

        var shuffle = Prng.For(seed, Prng.Stream.OrderIds);
        shuffle.Shuffle(_orderIds.AsSpan());

        _nameless = new bool[catalog.Count + 1];
        foreach (int id in catalog.NamelessIds)
        {
            _nameless[id] = true;
        }

        _missingUser = new bool[users + 1];
        foreach (int u in missingUsers)
        {
            _missingUser[u] = true;
        }

        // Where a user's number of orders sits among all gaps (each user has n − 1 of them): users with many
        // orders get short gaps, users with few get long ones, and over all orders the quantile stays uniform.
        int maxOrders = Calibration.MinOrdersPerUser + Calibration.OrdersPerUser.Length - 1;
        _gapQuantile = new double[maxOrders + 1];
        double all = 0;
        for (int i = 0; i < Calibration.OrdersPerUser.Length; i++)
        {
            all += (double)Calibration.OrdersPerUser[i] * (i + Calibration.MinOrdersPerUser - 1);
        }

        double below = 0;
        for (int i = 0; i < Calibration.OrdersPerUser.Length; i++)
        {
            double w = (double)Calibration.OrdersPerUser[i] * (i + Calibration.MinOrdersPerUser - 1);
            _gapQuantile[i + Calibration.MinOrdersPerUser] = (below + w / 2) / all;
            below += w;
        }
    }

    /// <summary>Folds a value back into [0, 1) by reflection at both ends (keeps a uniform variable uniform).</summary>
    private static double Reflect(double x)
    {
        if (x < 0)
        {
            x = -x;
        }

        if (x >= 1)
        {
            x = 2 - x;
        }

        return x is >= 0 and < 1 ? x : 0.5;
    }

    /// <summary>Simulates one chunk of users into the worker's buffers (cleared first).</summary>
    public void Run(int chunk, ChunkWorker w)
    {
        w.Reset();
        var rng = Prng.For(_seed, Prng.Stream.Orders, chunk);
        long seq = _chunkFirstOrder[chunk];
        int firstUser = chunk * ChunkUsers + 1;
        int lastUser = Math.Min(Users, (chunk + 1) * ChunkUsers);
        var popularity = Catalog.Popularity;
        int products = Catalog.Count;
        int maxBasket = Math.Min(Calibration.MaxBasket, products / 2);

        for (int user = firstUser; user <= lastUser; user++)
        {
            int n = _ordersPerUser[user - 1];
            bool train = rng.Chance(Calibration.TrainShare);
            int homeDow = _dow.Sample(ref rng);
            int homeHour = _hour.Sample(ref rng);
            double habit = Reflect(1 - _gapQuantile[n] + (rng.NextDouble() * 2 - 1) * 0.35);
            double size = Calibration.MeanBasket * (0.45 + 1.1 * (rng.NextDouble() + rng.NextDouble() + rng.NextDouble()) / 3);
            double stop = 2 / (size + 1);
            double loyalty = ReorderBase * (0.5 + rng.NextDouble());
            bool missing = _missingUser[user];
            int userStamp = ++w.UserStamp;
            w.Bag.Clear();

            for (int k = 1; k <= n; k++)
            {
                int orderId = _orderIds[seq++];
                int dow = rng.Chance(HomeDayShare) ? homeDow : _dow.Sample(ref rng);
                int hour = rng.Chance(HomeHourShare) ? homeHour : _hour.Sample(ref rng);
                bool prior = k < n;

                var o = w.Orders;
                o.Int(orderId);
                o.Byte((byte)',');
                o.Int(user);
                o.Bytes(prior ? ",prior,"u8 : train ? ",train,"u8 : ",test,"u8);
                o.Int(k);
                o.Byte((byte)',');
                o.Int(dow);
                o.Byte((byte)',');
                o.Int(hour);
                o.Byte((byte)',');
                if (k > 1)
                {
                    double u = rng.Chance(HabitualGapShare)
                        ? Reflect(habit + (rng.NextDouble() * 2 - 1) * 0.12)
                        : rng.NextDouble();
                    o.Int(_days.Find((int)(u * _days.Total)));
                    o.Bytes(".0"u8);
                }

                o.Byte((byte)'\n');
                w.OrderCount++;

                if (!prior && !train)
                {
                    continue; // test orders have no lines anywhere
                }

                // Basket size: 1 + negative binomial (two geometric runs) with the user's mean.
                int lines = 1;
                for (int g = 0; g < 2; g++)
                {
                    while (!rng.Chance(stop))
                    {
                        lines++;
                    }
                }

                lines = Math.Min(lines, maxBasket);
                double fromHistory = k == 1 ? 0 : loyalty * (k - 1) / (k + 0.5);
                int orderStamp = ++w.OrderStamp;
                var items = w.Items;
                items.Clear();
                var buffer = prior ? w.Prior : w.Train;
                for (int pos = 1; pos <= lines; pos++)
                {
                    // First decide whether this slot re-buys something (from the user's own history, weighted by
                    // how often they bought it) or tries something new (the catalogue's popularity, skipping what
                    // they already had): the reorder rate then does not depend on the catalogue's size.
                    int product = 0;
                    if (w.Bag.Count > 0 && rng.Chance(fromHistory))
                    {
                        for (int t = 0; t < 4; t++)
                        {
                            int b = w.Bag[rng.Next(w.Bag.Count)];
                            if (w.InOrder[b] != orderStamp)
                            {
                                product = b;
                                break;
                            }
                        }
                    }

                    if (product == 0)
                    {
                        // A new product: the department by the catalogue's popularity, then, if the user already
                        // had the product drawn, another of the same department, so department shares hold.
                        int fallback = 0;
                        for (int t = 0; t < 8 && product == 0; t++)
                        {
                            int p = popularity.Sample(ref rng) + 1;
                            var (ids, inDepartment) = Catalog.ByDepartment[Catalog.Department[p] - 1];
                            for (int s = 0; s < 8; s++)
                            {
                                if (w.InOrder[p] != orderStamp)
                                {
                                    if (w.Bought[p] != userStamp)
                                    {
                                        product = p;
                                        break;
                                    }

                                    if (fallback == 0)
                                    {
                                        fallback = p;
                                    }
                                }

                                p = ids[inDepartment.Sample(ref rng)];
                            }
                        }

                        if (product == 0)
                        {
                            product = fallback;
                        }

                        if (product == 0)
                        {
                            int p = rng.Next(products) + 1;
                            while (w.InOrder[p] == orderStamp)
                            {
                                p = p == products ? 1 : p + 1;
                            }

                            product = p;
                        }
                    }

                    w.InOrder[product] = orderStamp;
                    items.Add(product);
                    bool reordered = w.Bought[product] == userStamp;
                    buffer.Int(orderId);
                    buffer.Byte((byte)',');
                    buffer.Int(product);
                    buffer.Byte((byte)',');
                    buffer.Int(pos);
                    buffer.Bytes(reordered ? ",1\n"u8 : ",0\n"u8);
                    if (prior)
                    {
                        w.PriorLines++;
                        if (reordered)
                        {
                            w.PriorReordered++;
                        }

                        if (_nameless[product])
                        {
                            w.PriorWithoutProduct++;
                        }
                        else if (missing)
                        {
                            w.PriorWithoutCustomer++;
                        }
                    }
                    else
                    {
                        w.TrainLines++;
                    }
                }

                foreach (int product in items)
                {
                    w.Bought[product] = userStamp;
                    w.Bag.Add(product);
                }
            }
        }
    }
}

/// <summary>One chunk's output and the scratch memory to make it; reused from chunk to chunk.</summary>
internal sealed class ChunkWorker
{
    /// <summary>Creates a worker for a catalogue of <paramref name="products"/> ids.</summary>
    public ChunkWorker(int products)
    {
        Bought = new int[products + 1];
        InOrder = new int[products + 1];
    }

    /// <summary>orders.csv rows of the chunk.</summary>
    public Utf8Buffer Orders { get; } = new(1 << 16);

    /// <summary>order_products__prior.csv rows of the chunk.</summary>
    public Utf8Buffer Prior { get; } = new(1 << 20);

    /// <summary>order_products__train.csv rows of the chunk.</summary>
    public Utf8Buffer Train { get; } = new(1 << 16);

    /// <summary>Per product: the stamp of the last user who bought it (so "bought before" needs no clearing).</summary>
    public int[] Bought { get; }

    /// <summary>Per product: the stamp of the last order that holds it.</summary>
    public int[] InOrder { get; }

    /// <summary>The current user's purchases, one entry per line: drawing from it favours their favourites.</summary>
    public List<int> Bag { get; } = new(1024);

    /// <summary>The products of the current order.</summary>
    public List<int> Items { get; } = new(Calibration.MaxBasket);

    /// <summary>Last user stamp handed out.</summary>
    public int UserStamp { get; set; }

    /// <summary>Last order stamp handed out.</summary>
    public int OrderStamp { get; set; }

    /// <summary>Rows in <see cref="Orders"/>.</summary>
    public long OrderCount { get; set; }

    /// <summary>Rows in <see cref="Prior"/>.</summary>
    public long PriorLines { get; set; }

    /// <summary>Prior lines flagged reordered.</summary>
    public long PriorReordered { get; set; }

    /// <summary>Prior lines whose product has no name.</summary>
    public long PriorWithoutProduct { get; set; }

    /// <summary>Prior lines with a named product whose user is missing from customers.csv.</summary>
    public long PriorWithoutCustomer { get; set; }

    /// <summary>Rows in <see cref="Train"/>.</summary>
    public long TrainLines { get; set; }

    /// <summary>Clears the output (not the stamps, which keep counting up).</summary>
    public void Reset()
    {
        Orders.Clear();
        Prior.Clear();
        Train.Clear();
        OrderCount = PriorLines = PriorReordered = PriorWithoutProduct = PriorWithoutCustomer = TrainLines = 0;
    }
}
