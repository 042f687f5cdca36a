using System.Text;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Input;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Input;

/// <summary>Each broken input is made from the good tiny folder by one change, and must name file, line and column.</summary>
public class BadInputTests
{
    private static InputException LoadWith(string file, string text)
    {
        using var folder = TinyData.Write(new Dictionary<string, string> { [file] = text });
        return Assert.Throws<InputException>(() => InstacartData.Load(folder.Path));
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        using var folder = TinyData.Write();
        File.Delete(folder.File("orders.csv"));

        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path));

        Assert.Equal("orders.csv", error.File);
        Assert.Contains("no such file", error.Message);
    }

    [Fact]
    public void Load_EmptyFile_SaysEmpty()
    {
        var error = LoadWith("orders.csv", "");

        Assert.Equal(1, error.Line);
        Assert.Contains("an empty file", error.Message);
    }

    [Fact]
    public void Load_ReorderedHeader_NamesTheFirstWrongColumn()
    {
        var error = LoadWith("orders.csv", TinyData.Orders.Replace("order_dow,order_hour_of_day", "order_hour_of_day,order_dow"));

        Assert.Equal(("orders.csv", 1L, 5), (error.File, error.Line, error.Column));
        Assert.Contains("column 'order_dow'", error.Expected);
        Assert.Equal("'order_hour_of_day'", error.Found);
    }

    [Fact]
    public void Load_SemicolonDelimiter_IsCaughtByTheHeader()
    {
        var error = LoadWith("order_products__prior.csv", TinyData.PriorLines.Replace(',', ';'));

        Assert.Equal((1L, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Load_DayOutOfRange_NamesLineColumnExpectedAndFound()
    {
        var error = LoadWith("orders.csv", TinyData.Orders.Replace("103,1,prior,3,1,23", "103,1,prior,3,7,23"));

        Assert.Equal("orders.csv: line 4, column 5 (order_dow): expected an integer from 0 to 6, found '7'", error.Message);
    }

    [Theory]
    [InlineData("101,1,1,0", "101,x1,1,0", 2, "'x1'")]
    [InlineData("101,1,1,0", "101,-1,1,0", 2, "'-1'")]
    [InlineData("101,1,1,0", "101,1.0,1,0", 2, "'1.0'")]
    [InlineData("101,1,1,0", "101,1,1,2", 4, "'2'")]
    [InlineData("101,1,1,0", "101,,1,0", 2, "nothing (an empty field)")]
    [InlineData("101,1,1,0", "101,1\0,1,0", 2, "'1\\x00'")]
    public void Load_BadIntegerInOrderLines_NamesTheField(string good, string bad, int column, string found)
    {
        var error = LoadWith("order_products__prior.csv", TinyData.PriorLines.Replace(good, bad));

        Assert.Equal(("order_products__prior.csv", 2L, column, found), (error.File, error.Line, error.Column, error.Found));
    }

    [Fact]
    public void Load_MissingField_SaysHowManyFields()
    {
        var error = LoadWith("order_products__prior.csv", TinyData.PriorLines.Replace("103,3,1,0", "103,3,1"));

        Assert.Equal(6, error.Line);
        Assert.Equal("3 fields", error.Found);
    }

    [Fact]
    public void Load_TruncatedLastLine_IsBadInput()
    {
        var error = LoadWith("order_products__prior.csv", TinyData.PriorLines.TrimEnd('\n')[..^2]);

        Assert.Equal(17, error.Line);
    }

    [Fact]
    public void Load_UnbalancedQuote_NamesTheLine()
    {
        var error = LoadWith("products.csv", TinyData.Products.Replace("3,Steak,", "3,\"Steak,"));

        Assert.Equal("products.csv", error.File);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Load_Latin1ByteInProductName_IsNotUtf8()
    {
        using var folder = TinyData.Write();
        var bytes = Encoding.UTF8.GetBytes(TinyData.Products.Replace("Steak", "Caf~"));
        bytes[Array.IndexOf(bytes, (byte)'~')] = 0xE9;
        File.WriteAllBytes(folder.File("products.csv"), bytes);

        var error = Assert.Throws<InputException>(() => InstacartData.Load(folder.Path));

        Assert.Equal(("products.csv", 4L, 2), (error.File, error.Line, error.Column));
        Assert.Equal("UTF-8 text", error.Expected);
    }

    [Fact]
    public void Load_DuplicateOrderId_PointsToBothLines()
    {
        var error = LoadWith("orders.csv", TinyData.Orders.Replace("202,2,prior", "201,2,prior"));

        Assert.Equal(("orders.csv", 8L, 1), (error.File, error.Line, error.Column));
        Assert.Contains("already on line 7", error.Found);
    }

    [Fact]
    public void Load_OrderLineWithUnknownOrder_IsBadInput()
    {
        var error = LoadWith("order_products__prior.csv", TinyData.PriorLines + "999,1,1,0\n");

        Assert.Equal(("order_products__prior.csv", 18L, 1, "'999'"), (error.File, error.Line, error.Column, error.Found));
    }

    [Fact]
    public void Load_ProductWithUnknownDepartment_IsBadInput()
    {
        var error = LoadWith("products.csv", TinyData.Products.Replace("3,Steak,1,1,", "3,Steak,1,42,"));

        Assert.Equal(("products.csv", 4L, 4), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Load_InvalidPersonalName_NeverEchoesIt()
    {
        var error = LoadWith("customers.csv", TinyData.Customers.Replace("Zelda", "Zel\u0007da"));

        Assert.Equal(("customers.csv", 2L, 2, "invalid text"), (error.File, error.Line, error.Column, error.Found));
        Assert.DoesNotContain("Zel", error.Message);
    }

    [Fact]
    public void Load_EmptyAge_IsBadInput()
    {
        var error = LoadWith("customers.csv", TinyData.Customers.Replace("Texas,36,", "Texas,,"));

        Assert.Equal((3L, 6, "Age"), (error.Line, error.Column, error.ColumnName));
    }

    [Fact]
    public void Load_DuplicateCustomer_IsBadInput()
    {
        var error = LoadWith("customers.csv", TinyData.Customers.Replace("4,Cy,", "3,Cy,"));

        Assert.Equal((5L, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Load_WideDepartments_GivesTheSameNames()
    {
        using var folder = TinyData.Write(new Dictionary<string, string> { ["departments.csv"] = "department_id,1,2,3\r\ndepartment,frozen,babies,produce\r\n" });

        var departments = InstacartData.Load(folder.Path).Input.Departments;

        Assert.Equal([1, 2, 3], departments.Ids);
        Assert.Equal("babies", departments[2]);
    }

    [Fact]
    public void Load_BomAndCrlf_ReadAsUsual()
    {
        var orders = "\uFEFF" + TinyData.Orders.Replace("\n", "\r\n");
        using var folder = TinyData.Write(new Dictionary<string, string> { ["orders.csv"] = orders });

        Assert.Equal(11, InstacartData.Load(folder.Path).Reconciliation.LinesMerged);
    }

    [Fact]
    public void Load_WithoutOptionalFiles_Works()
    {
        using var folder = TinyData.Write();
        File.Delete(folder.File("order_products__train.csv"));

        var data = InstacartData.Load(folder.Path);

        Assert.Null(data.Input.TrainLines);
        Assert.Null(data.Input.Aisles);
    }

    [Fact]
    public void Load_TrainLineWithUnknownOrder_IsBadInput()
    {
        var error = LoadWith("order_products__train.csv", TinyData.TrainLines + "777,1,1,0\n");

        Assert.Equal(("order_products__train.csv", 4L), (error.File, error.Line));
    }
}
