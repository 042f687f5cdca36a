using Instacart.Analysis.Answers;
using Instacart.Data;

namespace Instacart.Analysis.Statistics;

/// <summary>
/// The moments behind <see cref="GroupIntervals"/> for one grouping of orders, as exact sums of price units (and of
/// their squares), so that the moments of two sets of customers add up exactly to those of their union.
/// </summary>
internal sealed class IntervalMoments
{
    private IntervalMoments(int groups, long priceScale)
    {
        PriceScale = priceScale;
        Orders = new long[groups];
        OrderUnits = new Int128[groups];
        OrderSquares = new Int128[groups];
        PricedLines = new long[groups];
        LineUnits = new Int128[groups];
        LineSquares = new Int128[groups];
    }

    public long PriceScale { get; }

    /// <summary>Orders with lines per group.</summary>
    public long[] Orders { get; }

    /// <summary>Sum of the orders' known-price totals, in price units.</summary>
    public Int128[] OrderUnits { get; }

    /// <summary>Sum of the squares of the orders' totals, in squared price units.</summary>
    public Int128[] OrderSquares { get; }

    public long[] PricedLines { get; }

    public Int128[] LineUnits { get; }

    public Int128[] LineSquares { get; }

    public int Count => Orders.Length;

    /// <summary>The moments of the orders grouped by <paramref name="groupOfOrder"/> (-1: outside): a pass over the lines.</summary>
    public static IntervalMoments Of(InstacartData data, int groups, Func<int, int> groupOfOrder)
    {
        var moments = new IntervalMoments(groups, data.Totals.PriceScale);
        var units = data.Products.PriceUnits;
        var totals = data.Totals;

        // Each order's group asked once (not once per line), the columns read into locals: the same sums, in the same order.
        var groupOf = new int[totals.OrderLines.Length];
        for (var o = 0; o < groupOf.Length; o++)
        {
            groupOf[o] = groupOfOrder(o);
        }

        var order = data.Lines.Order;
        var product = data.Lines.Product;
        for (var i = 0; i < order.Length; i++)
        {
            var g = groupOf[order[i]];
            var u = units[product[i]];
            if (g >= 0 && u >= 0)
            {
                moments.PricedLines[g]++;
                moments.LineUnits[g] += u;
                moments.LineSquares[g] += (Int128)u * u;
            }
        }

        for (var o = 0; o < totals.OrderLines.Length; o++)
        {
            var g = totals.OrderLines[o] > 0 ? groupOf[o] : -1;
            if (g >= 0)
            {
                Int128 revenue = totals.OrderRevenueUnits[o];
                moments.Orders[g]++;
                moments.OrderUnits[g] += revenue;
                moments.OrderSquares[g] += revenue * revenue;
            }
        }

        return moments;
    }

    /// <summary>The moments of both (neither is changed).</summary>
    public static IntervalMoments Sum(IntervalMoments a, IntervalMoments b)
    {
        if (a.Count != b.Count || a.PriceScale != b.PriceScale)
        {
            throw new InvalidDataException("The partial answers' interval moments differ in shape and cannot be merged.");
        }

        var sum = new IntervalMoments(a.Count, a.PriceScale);
        for (var g = 0; g < a.Count; g++)
        {
            sum.Orders[g] = a.Orders[g] + b.Orders[g];
            sum.OrderUnits[g] = a.OrderUnits[g] + b.OrderUnits[g];
            sum.OrderSquares[g] = a.OrderSquares[g] + b.OrderSquares[g];
            sum.PricedLines[g] = a.PricedLines[g] + b.PricedLines[g];
            sum.LineUnits[g] = a.LineUnits[g] + b.LineUnits[g];
            sum.LineSquares[g] = a.LineSquares[g] + b.LineSquares[g];
        }

        return sum;
    }

    /// <summary>The order-value interval of group <paramref name="g"/>.</summary>
    public MeanInterval OrderValue(int g) => Interval(Orders[g], OrderUnits[g], OrderSquares[g]);

    /// <summary>The item-price interval of group <paramref name="g"/>.</summary>
    public MeanInterval ItemPrice(int g) => Interval(PricedLines[g], LineUnits[g], LineSquares[g]);

    public void Write(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(Count);
        writer.Write7BitEncodedInt64(PriceScale);
        for (var g = 0; g < Count; g++)
        {
            writer.Write7BitEncodedInt64(Orders[g]);
            PartialFormat.WriteInt128(writer, OrderUnits[g]);
            PartialFormat.WriteInt128(writer, OrderSquares[g]);
            writer.Write7BitEncodedInt64(PricedLines[g]);
            PartialFormat.WriteInt128(writer, LineUnits[g]);
            PartialFormat.WriteInt128(writer, LineSquares[g]);
        }
    }

    public static IntervalMoments Read(BinaryReader reader)
    {
        var count = PartialFormat.Count(reader, 1 << 16);
        var scale = reader.Read7BitEncodedInt64();
        if (scale < 1)
        {
            throw new InvalidDataException("The price unit is not positive.");
        }

        var moments = new IntervalMoments(count, scale);
        for (var g = 0; g < count; g++)
        {
            moments.Orders[g] = PartialFormat.NonNegative(reader);
            moments.OrderUnits[g] = PartialFormat.ReadInt128(reader);
            moments.OrderSquares[g] = PartialFormat.ReadInt128(reader);
            moments.PricedLines[g] = PartialFormat.NonNegative(reader);
            moments.LineUnits[g] = PartialFormat.ReadInt128(reader);
            moments.LineSquares[g] = PartialFormat.ReadInt128(reader);
        }

        return moments;
    }

    private MeanInterval Interval(long count, Int128 units, Int128 squares) =>
        MeanInterval.FromMoments(count, (double)units / PriceScale, (double)squares / PriceScale / PriceScale);
}
