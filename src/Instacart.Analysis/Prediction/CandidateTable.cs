using Instacart.Data.Input;
using Instacart.Data.Lines;
using Instacart.Data;

namespace Instacart.Analysis.Prediction;

/// <summary>Which order is predicted for each user.</summary>
public enum PredictionTarget
{
    /// <summary>The user's <c>train</c> order, its lines from <c>order_products__train.csv</c>.</summary>
    Train,

    /// <summary>The user's last prior order with merged lines, held out; features come from the earlier prior orders.</summary>
    LastPrior,
}

/// <summary>
/// The modelling rows: one per (sampled user, product the user bought before the target order), with the features of
/// <see cref="ReorderFeature.All"/> computed only from orders before the target, the label (the product is in the
/// target order) and the fold (users split 80/20, seeded). Columns are arrays (struct of arrays).
/// </summary>
internal sealed class CandidateTable
{
    private CandidateTable(PredictionTarget target, int[] departmentIds, int[] userId, int[] productId, float[][] features, bool[] label, bool[] test, int usersEligible, int usersTrain, int usersTest, long candidatesEligible, long targetLines, long targetLinesNew)
    {
        Target = target;
        DepartmentIds = departmentIds;
        UserId = userId;
        ProductId = productId;
        Features = features;
        Label = label;
        IsTest = test;
        UsersEligible = usersEligible;
        UsersTrain = usersTrain;
        UsersTest = usersTest;
        CandidatesEligible = candidatesEligible;
        TargetLines = targetLines;
        TargetLinesNew = targetLinesNew;
        for (var r = 0; r < label.Length; r++)
        {
            TestRows += test[r] ? 1 : 0;
            Positives += label[r] ? 1 : 0;
        }
    }

    /// <summary>Which order is predicted.</summary>
    public PredictionTarget Target { get; }

    /// <summary>The department ids of the clean products, ascending: the slots of the department one-hot.</summary>
    public int[] DepartmentIds { get; }

    /// <summary>Rows.</summary>
    public int Count => UserId.Length;

    /// <summary>Rows of test users.</summary>
    public int TestRows { get; }

    /// <summary>Rows whose product is in the target order.</summary>
    public int Positives { get; }

    /// <summary>Each row's user_id.</summary>
    public int[] UserId { get; }

    /// <summary>Each row's product_id.</summary>
    public int[] ProductId { get; }

    /// <summary>Feature columns, in the order of <see cref="ReorderFeature.All"/>: <c>Features[f][row]</c>.</summary>
    public float[][] Features { get; }

    /// <summary>Whether the product is in the user's target order.</summary>
    public bool[] Label { get; }

    /// <summary>Whether the row's user is in the test set.</summary>
    public bool[] IsTest { get; }

    /// <summary>Users with a target order and at least one earlier order with merged lines.</summary>
    public int UsersEligible { get; }

    /// <summary>Sampled users in the training set.</summary>
    public int UsersTrain { get; }

    /// <summary>Sampled users in the test set.</summary>
    public int UsersTest { get; }

    /// <summary>Candidate rows of all eligible users, before the cap.</summary>
    public long CandidatesEligible { get; }

    /// <summary>Lines of the sampled users' target orders with a clean product.</summary>
    public long TargetLines { get; }

    /// <summary>Of those, products the user had not bought before: no candidate row can predict them.</summary>
    public long TargetLinesNew { get; }

    /// <summary>Builds the rows (see the class summary) from the loaded data.</summary>
    public static CandidateTable Build(InstacartData data, PredictionOptions? options = null)
    {
        options ??= PredictionOptions.Default;
        var orders = data.Orders;
        var lines = data.Lines;
        var products = data.Products;
        var orderCustomer = data.Merge.OrderCustomer;
        var customers = data.Customers.Count;
        var cart = CartColumnOf(data);

        // Lines grouped by customer (counting sort), each customer's lines in file order.
        var start = new int[customers + 1];
        for (var i = 0; i < lines.Count; i++)
        {
            start[orderCustomer[lines.Order[i]] + 1]++;
        }

        for (var c = 0; c < customers; c++)
        {
            start[c + 1] += start[c];
        }

        var byCustomer = new int[lines.Count];
        var next = start.AsSpan(0, customers).ToArray();
        for (var i = 0; i < lines.Count; i++)
        {
            byCustomer[next[orderCustomer[lines.Order[i]]]++] = i;
        }

        // The target order of each customer, and the lines of the targets.
        var train = data.Input.TrainLines;
        var target = train is { Count: > 0 } ? PredictionTarget.Train : PredictionTarget.LastPrior;
        var targetOrder = new int[customers];
        Array.Fill(targetOrder, -1);
        var targetProducts = new List<int>[customers];
        if (target == PredictionTarget.Train)
        {
            var orderIndex = LineMerge.OrderIndex(orders);
            for (var i = 0; i < train!.Count; i++)
            {
                var o = orderIndex.RowOf(train.OrderId[i]);
                var c = o < 0 ? -1 : orderCustomer[o];
                if (c < 0 || orders.EvalSet[o] != EvalSet.Train)
                {
                    continue;
                }

                targetOrder[c] = o;
                var p = products.IndexOf(train.ProductId[i]);
                if (p >= 0)
                {
                    (targetProducts[c] ??= []).Add(p);
                }
            }
        }
        else
        {
            for (var i = 0; i < lines.Count; i++)
            {
                var o = lines.Order[i];
                var c = orderCustomer[o];
                if (targetOrder[c] < 0 || orders.OrderNumber[o] > orders.OrderNumber[targetOrder[c]])
                {
                    targetOrder[c] = o;
                }
            }

            for (var i = 0; i < lines.Count; i++)
            {
                var o = lines.Order[i];
                var c = orderCustomer[o];
                if (o == targetOrder[c])
                {
                    (targetProducts[c] ??= []).Add(lines.Product[i]);
                }
            }
        }

        // A history line is a merged line of an order placed before the customer's target order.
        bool IsHistory(int line, int c) =>
            targetOrder[c] >= 0 && orders.OrderNumber[lines.Order[line]] < orders.OrderNumber[targetOrder[c]];
        bool IsProductHistory(int line, int c) => targetOrder[c] < 0 || IsHistory(line, c);

        // Pass 1, every customer: product-level counts from history lines (customers without a target contribute
        // all their lines: none of them is anyone's target), and each customer's history size.
        var productLines = new int[products.Count];
        var productBuyers = new int[products.Count];
        var productRebuyers = new int[products.Count];
        var userProducts = new int[customers];
        var userOrders = new int[customers];
        var count = new int[products.Count];
        var touched = new List<int>();
        var orderSeen = new bool[orders.Count];
        double daysSum = 0;
        long daysCount = 0;
        for (var c = 0; c < customers; c++)
        {
            touched.Clear();
            for (var x = start[c]; x < start[c + 1]; x++)
            {
                var i = byCustomer[x];
                if (!IsProductHistory(i, c))
                {
                    continue;
                }

                var p = lines.Product[i];
                productLines[p]++;
                if (count[p]++ == 0)
                {
                    touched.Add(p);
                }

                var o = lines.Order[i];
                if (IsHistory(i, c) && !orderSeen[o])
                {
                    orderSeen[o] = true;
                    userOrders[c]++;
                    if (!float.IsNaN(orders.DaysSincePrior[o]))
                    {
                        daysSum += orders.DaysSincePrior[o];
                        daysCount++;
                    }
                }
            }

            foreach (var p in touched)
            {
                productBuyers[p]++;
                productRebuyers[p] += count[p] >= 2 ? 1 : 0;
                count[p] = 0;
            }

            userProducts[c] = userOrders[c] > 0 ? touched.Count : 0;
        }

        var meanDays = daysCount == 0 ? 0 : daysSum / daysCount;

        // Eligible users in a seeded random order; the first TestShare of them form the test fold, the rest the
        // training fold. Each fold takes its users in that order until the next would pass the fold's row cap, so
        // every sampled user keeps all their rows and the test set does not depend on the training cap.
        var eligible = Enumerable.Range(0, customers).Where(c => userOrders[c] > 0).ToArray();
        var random = new Random(options.Seed);
        random.Shuffle(eligible);
        long eligibleRows = 0;
        foreach (var c in eligible)
        {
            eligibleRows += userProducts[c];
        }

        var testFold = (int)Math.Round(eligible.Length * options.TestShare, MidpointRounding.AwayFromZero);
        var sampled = new List<int>();
        var testRows = Take(eligible.AsSpan(0, testFold), options.MaxTestCandidates);
        var testUsers = sampled.Count;
        var trainRows = Take(eligible.AsSpan(testFold), options.MaxTrainCandidates);
        var rows = testRows + trainRows;

        long Take(ReadOnlySpan<int> fold, int cap)
        {
            long taken = 0;
            foreach (var c in fold)
            {
                if (taken + userProducts[c] > cap)
                {
                    break;
                }

                taken += userProducts[c];
                sampled.Add(c);
            }

            return taken;
        }

        var isTestUser = new bool[customers];
        for (var s = 0; s < testUsers; s++)
        {
            isTestUser[sampled[s]] = true;
        }

        sampled.Sort(); // rows in customer order: the table does not depend on the shuffle beyond who is in it

        // Pass 2, sampled customers: one row per previously bought product.
        var featureCount = ReorderFeature.All.Count;
        var features = new float[featureCount][];
        for (var f = 0; f < featureCount; f++)
        {
            features[f] = new float[rows];
        }

        var userIdColumn = new int[rows];
        var productIdColumn = new int[rows];
        var label = new bool[rows];
        var test = new bool[rows];
        var ordersOf = new int[products.Count];
        var lastOrderOf = new int[products.Count];
        var lastNumberOf = new int[products.Count];
        var cartSum = new long[products.Count];
        var lineCount = new int[products.Count];
        var inTarget = new bool[products.Count];
        Array.Fill(lastOrderOf, -1);
        Array.Clear(orderSeen);
        long targetLines = 0, targetLinesNew = 0;
        var row = 0;
        foreach (var c in sampled)
        {
            touched.Clear();
            long historyLines = 0, reorders = 0;
            var lastNumber = 0;
            double userDays = 0;
            var userDaysCount = 0;
            for (var x = start[c]; x < start[c + 1]; x++)
            {
                var i = byCustomer[x];
                if (!IsHistory(i, c))
                {
                    continue;
                }

                var p = lines.Product[i];
                var o = lines.Order[i];
                var number = orders.OrderNumber[o];
                historyLines++;
                reorders += lines.Reordered[i];
                if (!orderSeen[o])
                {
                    orderSeen[o] = true;
                    lastNumber = Math.Max(lastNumber, number);
                    if (!float.IsNaN(orders.DaysSincePrior[o]))
                    {
                        userDays += orders.DaysSincePrior[o];
                        userDaysCount++;
                    }
                }

                if (lastOrderOf[p] == -1)
                {
                    touched.Add(p);
                }

                if (lastOrderOf[p] != o)
                {
                    ordersOf[p]++;
                }

                lastOrderOf[p] = o;
                lastNumberOf[p] = Math.Max(lastNumberOf[p], number);
                cartSum[p] += cart[i];
                lineCount[p]++;
            }

            foreach (var p in targetProducts[c] ?? [])
            {
                targetLines++;
                targetLinesNew += lastOrderOf[p] == -1 ? 1 : 0;
                inTarget[p] = true;
            }

            touched.Sort(); // rows in product-row order within a user
            var uOrders = userOrders[c];
            var uBasket = (float)((double)historyLines / uOrders);
            var uReorder = (float)((double)reorders / historyLines);
            var uDays = (float)(userDaysCount == 0 ? meanDays : userDays / userDaysCount);
            var userId = data.Input.Customers.UserId[c];
            foreach (var p in touched)
            {
                userIdColumn[row] = userId;
                productIdColumn[row] = products.ProductId[p];
                features[0][row] = uOrders;
                features[1][row] = uBasket;
                features[2][row] = uReorder;
                features[3][row] = uDays;
                features[4][row] = productLines[p];
                features[5][row] = productBuyers[p] == 0 ? 0f : (float)((double)productRebuyers[p] / productBuyers[p]);
                features[6][row] = products.DepartmentId[p];
                features[7][row] = ordersOf[p];
                features[8][row] = (float)((double)ordersOf[p] / uOrders);
                features[9][row] = lastNumber - lastNumberOf[p];
                features[10][row] = (float)((double)cartSum[p] / lineCount[p]);
                label[row] = inTarget[p];
                test[row] = isTestUser[c];
                row++;
            }

            // Reset the scratch arrays for the next customer.
            foreach (var p in touched)
            {
                ordersOf[p] = 0;
                lastOrderOf[p] = -1;
                lastNumberOf[p] = 0;
                cartSum[p] = 0;
                lineCount[p] = 0;
            }

            foreach (var p in targetProducts[c] ?? [])
            {
                inTarget[p] = false;
            }

            for (var x = start[c]; x < start[c + 1]; x++)
            {
                orderSeen[lines.Order[byCustomer[x]]] = false;
            }
        }

        var departmentIds = products.DepartmentId.Distinct().Order().ToArray();
        return new CandidateTable(target, departmentIds, userIdColumn, productIdColumn, features, label, test, eligible.Length, sampled.Count - testUsers, testUsers, eligibleRows, targetLines, targetLinesNew);
    }

    /// <summary>
    /// The add-to-cart position of every merged line: those kept in the load's cache entry (<see cref="KeptCartPositions"/>),
    /// else <see cref="CartPositionsInFileOrder"/> when the merged lines are the joined prior lines in file order (sorted
    /// files), else <see cref="CartPositionsByPair"/> (a file whose lines are not grouped by order is merged in order
    /// groups); what is computed is then kept.
    /// </summary>
    internal static int[] CartPositions(InstacartData data) => CartColumnOf(data).ToArray();

    /// <summary>As <see cref="CartPositions"/>, the kept positions read in place (what the model reads).</summary>
    internal static CartColumn CartColumnOf(InstacartData data)
    {
        if (KeptCartPositions.Read(data) is { } kept)
        {
            return kept;
        }

        // Read for this pass only: on a cached load the raw lines are not in memory, and the table need not keep them.
        var raw = data.Input.PriorLines.ReadOnce();
        var positions = CartPositionsInFileOrder(data, raw) ?? CartPositionsByPair(data, raw);
        KeptCartPositions.Keep(data, positions);
        return CartColumn.Of(positions);
    }

    /// <summary>
    /// The add-to-cart positions when the merge kept the prior lines that pass its joins in file order: walking the raw
    /// lines with the same joins meets the merged lines one by one. Null when it does not.
    /// </summary>
    internal static int[]? CartPositionsInFileOrder(InstacartData data, OrderLinesTable raw)
    {
        var orders = data.Orders;
        var orderIndex = LineMerge.OrderIndex(orders);
        var rawOrderId = raw.OrderId;
        var rawProductId = raw.ProductId;
        var rawCart = raw.Cart;
        var evalSet = orders.EvalSet;
        var orderCustomer = data.Merge.OrderCustomer;
        var products = data.Products;
        var merged = data.Lines.Order;
        var cart = new int[merged.Length];
        var m = 0;
        int lastId = 0, o = -1;
        var orderKept = false;
        for (var i = 0; i < rawOrderId.Length; i++)
        {
            // A file's lines come order by order: look the order up once per run of its lines.
            if (o < 0 || rawOrderId[i] != lastId)
            {
                lastId = rawOrderId[i];
                o = orderIndex.RowOf(lastId);
                orderKept = o >= 0 && evalSet[o] == EvalSet.Prior && orderCustomer[o] >= 0;
            }

            if (!orderKept || products.IndexOf(rawProductId[i]) < 0)
            {
                continue;
            }

            if (m >= cart.Length || merged[m] != o)
            {
                return null;
            }

            cart[m++] = rawCart[i];
        }

        return m == cart.Length ? cart : null;
    }

    /// <summary>
    /// The add-to-cart positions whatever the order of the merged lines: a merged line's (order, product) pair is unique
    /// (the load checks it), so its position is that of the one raw line of its order with its product. The raw lines
    /// are grouped by order row once (a counting sort), and each merged line looks among its order's few lines.
    /// </summary>
    internal static int[] CartPositionsByPair(InstacartData data, OrderLinesTable raw)
    {
        var orders = data.Orders.Count;
        var orderIndex = LineMerge.OrderIndex(data.Orders);
        var rawOrderId = raw.OrderId;
        var rawProductId = raw.ProductId;
        var rawCart = raw.Cart;
        var products = data.Products;

        // Raw lines of an order not in the orders table (none after a strict load) go to one extra group, never read.
        var orderOfRaw = new int[raw.Count];
        for (var i = 0; i < orderOfRaw.Length; i++)
        {
            var o = orderIndex.RowOf(rawOrderId[i]);
            orderOfRaw[i] = o < 0 ? orders : o;
        }

        var byOrder = RowGroups.ByKey(orderOfRaw, orders + 1, default(RawLineNumber), data.Parallelism);
        var mergedOrder = data.Lines.Order;
        var mergedProduct = data.Lines.Product;
        var cart = new int[mergedOrder.Length];
        for (var m = 0; m < cart.Length; m++)
        {
            var product = mergedProduct[m];
            cart[m] = -1;
            foreach (var i in byOrder[mergedOrder[m]])
            {
                if (products.IndexOf(rawProductId[i]) == product)
                {
                    cart[m] = rawCart[i];
                    break;
                }
            }

            if (cart[m] < 0)
            {
                throw new InvalidOperationException("A merged line has no prior line of its order and product; add-to-cart positions cannot be matched.");
            }
        }

        return cart;
    }

    /// <summary>What <see cref="CartPositionsByPair"/> keeps of a raw line: its row.</summary>
    private readonly struct RawLineNumber : RowGroups.IRowValue
    {
        public int Of(int row) => row;
    }
}
