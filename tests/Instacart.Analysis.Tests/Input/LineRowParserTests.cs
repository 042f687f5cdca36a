using System.Text;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Input;

namespace Instacart.Analysis.Tests.Input;

/// <summary>
/// The range parser's row reader takes exactly the plain rows (four fields that <see cref="StrictCsvReader.TryParseInt"/>
/// takes, a cart position of at least 1, reordered 0 or 1, a <c>\n</c> or <c>\r\n</c> break) with their values, and
/// nothing else; on a file, its ranges give what the sequential CsvHelper read gives.
/// </summary>
public sealed class LineRowParserTests
{
    [Theory]
    [InlineData("1,2,3,0", 1, 2, 3, 0)]
    [InlineData("0,0,1,1", 0, 0, 1, 1)]
    [InlineData("1234567,49688,145,1", 1_234_567, 49_688, 145, 1)]
    [InlineData("12345678,123456789,1,0", 12_345_678, 123_456_789, 1, 0)]
    [InlineData("2147483647,0000000001,007,00", int.MaxValue, 1, 7, 0)]
    [InlineData("99999999,1,1,1", 99_999_999, 1, 1, 1)]
    public void Read_PlainRow_GivesTryParseIntsValues(string line, int order, int product, int cart, int again)
    {
        var (outcome, rows) = Parse(line + "\n");

        Assert.Equal(PlainRows.Done, outcome);
        Assert.Equal((order, product, cart, again), Assert.Single(rows));
        var (crlf, crlfRows) = Parse(line + "\r\n");
        Assert.Equal(PlainRows.Done, crlf);
        Assert.Equal(rows, crlfRows);
    }

    [Theory]
    [InlineData("2147483648,1,1,0")]
    [InlineData("00000000001,1,1,0")]
    [InlineData("1,2,0,0")]
    [InlineData("1,2,3,2")]
    [InlineData("1,2,3")]
    [InlineData("1,2,3,0,")]
    [InlineData("1,2,3,0,4")]
    [InlineData(",2,3,0")]
    [InlineData("1,,3,0")]
    [InlineData("\"1\",2,3,0")]
    [InlineData("1, 2,3,0")]
    [InlineData("1,+2,3,0")]
    [InlineData("1,-2,3,0")]
    [InlineData("1,2.0,3,0")]
    [InlineData("1,2,3,0\r\r")]
    [InlineData("1,2,3,0 ")]
    [InlineData("")]
    [InlineData("1:2,3,0")]
    [InlineData("1/2,3,0")]
    public void Read_RowThatIsNotPlain_StopsTheParser(string line) =>
        Assert.Equal(PlainRows.NotPlain, Parse(line + "\n").Outcome);

    [Fact]
    public void Read_BytesNextToTheDigitsAndHighBytes_AreNoDigits()
    {
        foreach (var b in new byte[] { (byte)'/', (byte)':', 0x00, 0x20, 0x39 + 0x10, 0xB0, 0xF9, 0xFA, 0xFF })
        {
            var bytes = Encoding.ASCII.GetBytes("12,34,5,1\n").ToList();
            bytes.Insert(1, b);
            Assert.Equal(PlainRows.NotPlain, Parse([.. bytes]).Outcome);
        }
    }

    [Fact]
    public void Read_RandomLines_AgreeWithTheFieldByFieldModel()
    {
        var random = new Random(20261206);
        string[] pieces = ["0", "1", "7", "00", "145", "255", "256", "49688", "3421083", "12345678", "2147483647", "2147483648", "99999999999", "", " ", "-1", "\"5\"", "1.5", "a", "\r"];
        for (var i = 0; i < 20_000; i++)
        {
            var fields = Enumerable.Range(0, random.Next(3, 6)).Select(_ => pieces[random.Next(pieces.Length)]).ToArray();
            var line = string.Join(',', fields) + (random.Next(2) == 0 ? "\n" : "\r\n");
            var expected = Model(fields);
            var (outcome, rows) = Parse(line);
            if (expected is { } row)
            {
                Assert.True(outcome == (row.Cart > 255 ? PlainRows.TooWide : PlainRows.Done), line);
                if (row.Cart <= 255)
                {
                    Assert.Equal(row, Assert.Single(rows));
                }
            }
            else
            {
                Assert.True(outcome == PlainRows.NotPlain, line);
            }
        }
    }

    [Fact]
    public void Read_MoreRowsThanTheRangeHas_StopsTheParser()
    {
        var bytes = Buffer("1,2,3,0\n4,5,6,1\n");
        var into = Target(1);

        Assert.Equal(PlainRows.NotPlain, into.Read(bytes, 16));
    }

    [Theory]
    [InlineData("2147483647,12345678,1,0", null)]
    [InlineData("2147483648,1,1,0", "order_id")]
    [InlineData("00000000001,1,1,0", "order_id")]
    [InlineData("1,2,3,0\r4,5,6,0", null)]
    [InlineData("1,2,3,0\n", null)]
    public void Load_EdgeRowDeepInAFile_GivesWhatTheSequentialReadGives(string edge, string? column)
    {
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.PriorLines);
        var text = new StringBuilder("order_id,product_id,add_to_cart_order,reordered\n");
        for (var i = 0; i < 60_000; i++)
        {
            text.Append(i == 45_000 ? edge : $"{i / 7},{i % 997},{(i % 7) + 1},{i % 2}").Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        // Small enough that Load reads it with the plain path; the pairs are checked by both.
        var plain = Record.Exception(() => OrderLinesLoader.Load(path));
        var fast = Record.Exception(() => OrderLinesLoader.Load(path, threads: 4, minBytes: 0));

        Assert.Equal(plain?.Message, fast?.Message);
        if (column is not null)
        {
            Assert.Contains(column, Assert.IsType<InputException>(fast).Message, StringComparison.Ordinal);
        }
        else if (plain is null)
        {
            var expected = OrderLinesLoader.Load(path);
            var actual = OrderLinesLoader.Load(path, threads: 4, minBytes: 0);
            Assert.Equal(expected.OrderId, actual.OrderId);
            Assert.Equal(expected.ProductId, actual.ProductId);
            Assert.Equal(expected.AddToCartOrder, actual.AddToCartOrder);
            Assert.Equal(expected.Reordered, actual.Reordered);
        }
    }

    /// <summary>The row the model takes: four fields of digits only, 1 to 10 of them, each at most int.MaxValue; cart ≥ 1, reordered ≤ 1.</summary>
    private static (int Order, int Product, int Cart, int Again)? Model(string[] fields)
    {
        if (fields.Length != 4)
        {
            return null;
        }

        var values = new int[4];
        for (var f = 0; f < 4; f++)
        {
            if (!StrictCsvReader.TryParseInt(Encoding.ASCII.GetBytes(fields[f]), out values[f]))
            {
                return null;
            }
        }

        return values[2] >= 1 && values[3] <= 1 ? (values[0], values[1], values[2], values[3]) : null;
    }

    private static (PlainRows Outcome, List<(int, int, int, int)> Rows) Parse(string lines) => Parse(Encoding.ASCII.GetBytes(lines));

    private static (PlainRows Outcome, List<(int, int, int, int)> Rows) Parse(byte[] lines)
    {
        var into = Target(16);
        var outcome = into.Read(Buffer(lines), lines.Length);
        var rows = new List<(int, int, int, int)>();
        for (var r = 0; r < into.Row; r++)
        {
            rows.Add((into.OrderId[r], into.ProductId[r], into.NarrowCart![r], into.Reordered[r]));
        }

        return (outcome, rows);
    }

    private static byte[] Buffer(string lines) => Buffer(Encoding.ASCII.GetBytes(lines));

    /// <summary>The lines with the parser's slack after them, filled with digits so that a read past the break would show.</summary>
    private static byte[] Buffer(byte[] lines)
    {
        var buffer = new byte[lines.Length + PlainRowReader.Slack];
        buffer.AsSpan().Fill((byte)'9');
        lines.CopyTo(buffer, 0);
        return buffer;
    }

    private static LineRowParser Target(int rows) => new()
    {
        OrderId = new int[rows],
        ProductId = new int[rows],
        NarrowCart = new byte[rows],
        Reordered = new byte[rows],
        Limit = rows,
    };
}
