namespace Instacart.Analysis.Input;

/// <summary>Reads <c>orders.csv</c> with its explicit schema.</summary>
public static class OrdersLoader
{
    /// <summary>The header, in order.</summary>
    public static readonly string[] Header =
        ["order_id", "user_id", "eval_set", "order_number", "order_dow", "order_hour_of_day", "days_since_prior_order"];

    /// <summary>Reads every row; any bad value is an <see cref="InputException"/>.</summary>
    public static OrdersTable Load(string path)
    {
        using var csv = StrictCsvReader.Open(path, Header, trackLineNumbers: false);
        var capacity = ColumnBuilder<int>.CapacityFor(path, 30);
        var orderId = new ColumnBuilder<int>(capacity);
        var userId = new ColumnBuilder<int>(capacity);
        var evalSet = new ColumnBuilder<EvalSet>(capacity);
        var orderNumber = new ColumnBuilder<int>(capacity);
        var dow = new ColumnBuilder<byte>(capacity);
        var hour = new ColumnBuilder<byte>(capacity);
        var days = new ColumnBuilder<float>(capacity);
        while (csv.Read())
        {
            orderId.Add(csv.Int(0));
            userId.Add(csv.Int(1));
            evalSet.Add(ParseEvalSet(csv));
            orderNumber.Add(csv.Int(3, min: 1));
            dow.Add((byte)csv.Int(4, 0, 6));
            hour.Add((byte)csv.Int(5, 0, 23));
            days.Add((float)csv.OptionalDecimal(6, max: 366));
        }

        return new OrdersTable(orderId.ToArray(), userId.ToArray(), evalSet.ToArray(), orderNumber.ToArray(), dow.ToArray(), hour.ToArray(), days.ToArray());
    }

    private static EvalSet ParseEvalSet(StrictCsvReader csv)
    {
        var span = csv.Span(2);
        if (span.SequenceEqual("prior"u8))
        {
            return EvalSet.Prior;
        }

        if (span.SequenceEqual("train"u8))
        {
            return EvalSet.Train;
        }

        if (span.SequenceEqual("test"u8))
        {
            return EvalSet.Test;
        }

        throw csv.Error(2, "prior, train or test", csv.Found(2));
    }
}
