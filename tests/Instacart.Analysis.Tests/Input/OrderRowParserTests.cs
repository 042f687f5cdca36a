using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Input;
using Instacart.Synthetic;

namespace Instacart.Analysis.Tests.Input;

/// <summary>
/// The fast reader of <c>orders.csv</c> takes only plain rows, with the strict reader's values; on anything else the
/// loader's plain path reads the file, so the table or the error is the strict reader's either way.
/// </summary>
public sealed class OrderRowParserTests
{
    private const string Header = "order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,days_since_prior_order";

    [Theory]
    [InlineData("2539329,1,prior,1,2,08,")]
    [InlineData("2398795,1,prior,2,3,7,15.0")]
    [InlineData("1,2,train,3,6,23,366")]
    [InlineData("1,2,test,3,0,0,0.5")]
    [InlineData("1,2,test,3,0,0,00.50")]
    [InlineData("1,2,prior,3,0,0,30.000000001")]
    [InlineData("1,2,prior,3,0,0,366.0")]
    [InlineData("2147483647,0000000001,prior,99999999,6,23,7")]
    public void Load_PlainRow_IsReadFastWithTheStrictReadersValues(string row)
    {
        using var temp = new TempFolder();
        var path = Write(temp, row);

        var fast = OrdersLoader.TryLoadPlain(path);

        Assert.NotNull(fast);
        AssertSame(OrdersLoader.LoadStrict(path), fast);
    }

    [Theory]
    [InlineData("1,2,prior,3,0,0,5.")]
    [InlineData("1,2,prior,3,0,0,.5")]
    [InlineData("1,2,prior,3,0,0,1e2")]
    [InlineData("1,2,prior,3,0,0,+5")]
    [InlineData("1,2,prior,3,0,0, 5")]
    [InlineData("1,2,prior,3,0,0,367")]
    [InlineData("1,2,prior,3,0,0,366.5")]
    [InlineData("1,2,prior,3,0,0,5.0.0")]
    [InlineData("1,2,prior,3,0,0,1.0000000000000001")]
    [InlineData("1,2,prior,3,0,0,30.0000000000001")]
    [InlineData("1,2,Prior,3,0,0,")]
    [InlineData("1,2,tes,3,0,0,")]
    [InlineData("1,2,prior ,3,0,0,")]
    [InlineData("1,2,\"prior\",3,0,0,")]
    [InlineData("1,2,prior,0,0,0,")]
    [InlineData("1,2,prior,3,7,0,")]
    [InlineData("1,2,prior,3,0,24,")]
    [InlineData("1,2,prior,3,0,0")]
    [InlineData("1,2,prior,3,0,0,,")]
    [InlineData("1,,prior,3,0,0,")]
    [InlineData("")]
    public void Load_RowThatIsNotPlain_GivesTheStrictReadersTableOrError(string row)
    {
        using var temp = new TempFolder();
        var path = Write(temp, row);

        Assert.Null(OrdersLoader.TryLoadPlain(path));
        var strict = Record.Exception(() => OrdersLoader.LoadStrict(path));
        var loaded = Record.Exception(() => OrdersLoader.Load(path));
        Assert.Equal(strict?.Message, loaded?.Message);
        if (strict is null)
        {
            AssertSame(OrdersLoader.LoadStrict(path), OrdersLoader.Load(path));
        }
    }

    [Theory]
    [InlineData("\n", true, false)]
    [InlineData("\r\n", true, true)]
    [InlineData("\n", false, true)]
    [InlineData("\r\n", false, false)]
    public void Load_LineEndingsBomAndNoFinalBreak_EqualTheStrictRead(string newline, bool finalBreak, bool bom)
    {
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.Orders);
        var rows = Enumerable.Range(0, 5_000).Select(i => $"{i + 1},{(i / 10) + 1},{(i % 10 == 9 ? "train" : "prior")},{(i % 10) + 1},{i % 7},{i % 24},{(i % 10 == 0 ? string.Empty : $"{i % 31}.0")}");
        File.WriteAllText(path, Header + newline + string.Join(newline, rows) + (finalBreak ? newline : string.Empty), new UTF8Encoding(bom));

        var fast = OrdersLoader.TryLoadPlain(path);

        Assert.NotNull(fast);
        AssertSame(OrdersLoader.LoadStrict(path), fast);
    }

    [Fact]
    public void Load_GeneratedAndRealOrders_AreReadFastAndEqualTheStrictRead()
    {
        using var temp = new TempFolder();
        SyntheticGenerator.Write(temp.Path, new SyntheticOptions(2_000, 11));
        var files = new List<string> { temp.File(InputFiles.Orders), Path.Combine(RepoPaths.DataSample, InputFiles.Orders) };
        if (RepoPaths.RealData is { } real && File.Exists(Path.Combine(real, "orders-subset", InputFiles.Orders)))
        {
            files.Add(Path.Combine(real, "orders-subset", InputFiles.Orders));
        }

        foreach (var file in files)
        {
            var fast = OrdersLoader.TryLoadPlain(file);
            Assert.NotNull(fast);
            AssertSame(OrdersLoader.LoadStrict(file), fast);
        }
    }

    [Fact]
    public void OptionalDecimal_RandomPlainDecimals_GiveUtf8ParsersValue()
    {
        var random = new Random(4_12_2026);
        for (var i = 0; i < 50_000; i++)
        {
            var whole = random.Next(0, 367).ToString(CultureInfo.InvariantCulture);
            var text = random.Next(4) switch
            {
                0 => whole,
                1 => whole + "." + random.Next(0, 10),
                2 => whole + "." + random.NextInt64(0, 1_000_000_000_000).ToString(CultureInfo.InvariantCulture).PadLeft(random.Next(1, 13), '0'),
                _ => "0." + random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture).PadLeft(5, '0'),
            };
            var bytes = Encoding.ASCII.GetBytes(text + "\n" + new string('9', PlainRowReader.Slack));
            var at = 0;
            var fast = PlainFields.OptionalDecimal(bytes, ref at, double.MaxValue, out var value);
            var digits = text.Count(char.IsAsciiDigit);

            Assert.True(Utf8Parser.TryParse(Encoding.ASCII.GetBytes(text), out double expected, out _), text);
            // Up to 15 digits in all, the fraction's up to nine, are read fast; more are left to the strict reader.
            Assert.True(fast || digits > 9, text);
            Assert.False(fast && digits > 15, text);
            if (fast)
            {
                Assert.Equal(expected, value);
                Assert.Equal(text.Length, at);
            }
        }
    }

    private static string Write(TempFolder temp, string row)
    {
        // The row among plain ones, so that the file is the rows' only quirk.
        var path = temp.File(InputFiles.Orders);
        File.WriteAllText(path, $"{Header}\n1001,5,prior,1,1,1,\n{row}\n1002,5,prior,2,1,1,3.0\n");
        return path;
    }

    private static void AssertSame(OrdersTable expected, OrdersTable actual)
    {
        Assert.Equal(expected.OrderId, actual.OrderId);
        Assert.Equal(expected.UserId, actual.UserId);
        Assert.Equal(expected.EvalSet, actual.EvalSet);
        Assert.Equal(expected.OrderNumber, actual.OrderNumber);
        Assert.Equal(expected.DayOfWeek, actual.DayOfWeek);
        Assert.Equal(expected.HourOfDay, actual.HourOfDay);
        Assert.Equal(expected.DaysSincePrior, actual.DaysSincePrior);
    }
}
