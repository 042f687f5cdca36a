using System.Text;
using Instacart.Analysis.Tests.Fixtures;
using Instacart.Data.Input;
using Instacart.Synthetic;

namespace Instacart.Analysis.Tests.Input;

/// <summary>
/// The fast reader of <c>customers.csv</c> takes only plain rows, with the strict reader's values; on anything else the
/// strict reader reads the file, so the table or the error (never quoting a value) is the strict reader's either way.
/// </summary>
public sealed class CustomerRowParserTests
{
    private const string Header = "user_id,First Name,Surnam,Gender,STATE,Age,date_joined,n_dependants,fam_status,income";

    [Theory]
    [InlineData("7,Ann,Lee,Female,Ohio,0,12/31/2019,0,single,0")]
    [InlineData("8,Zoë,Ñúñez,Non-binary,New York,150,2/29/2020,100,living with parents and siblings,2147483647")]
    [InlineData("9,,,,,33,1/1/2017,1,,5")]
    [InlineData("10,Tab\tName,X,Male,Utah,40,01/01/2017,003,married,0070")]
    public void Load_PlainRow_IsReadFastWithTheStrictReadersValues(string row)
    {
        using var temp = new TempFolder();
        var path = Write(temp, row);

        var fast = CustomersLoader.TryLoadPlain(path);

        Assert.NotNull(fast);
        AssertSame(CustomersLoader.LoadStrict(path), fast);
    }

    [Theory]
    [InlineData("7,\"Ann\",Lee,Female,Ohio,30,1/1/2017,0,single,10")]
    [InlineData("7,Ann,Lee,Female,Ohio,151,1/1/2017,0,single,10")]
    [InlineData("7,Ann,Lee,Female,Ohio,30,1/1/2017,101,single,10")]
    [InlineData("7,Ann,Lee,Female,Ohio,-1,1/1/2017,0,single,10")]
    [InlineData("7,Ann,Lee,Female,Ohio,30,2017-01-01,0,single,10")]
    [InlineData("7,Ann,Lee,Female,Ohio,30,2/30/2017,0,single,10")]
    [InlineData("7,Ann,Lee,Female,Ohio,30,married,0,single,10")]
    [InlineData("7,Ann,Lee,Female,Ohio,30,1/1/2017,0,single")]
    [InlineData("7,Ann,Lee,Female,Ohio,30,1/1/2017,0,single,10,")]
    [InlineData("7,Ann\u0001,Lee,Female,Ohio,30,1/1/2017,0,single,10")]
    [InlineData("7,Ann,Lee,Female\u007F,Ohio,30,1/1/2017,0,single,10")]
    [InlineData("7,Ann,Lee,Female,Ohio,30,1/1/2017,0,single,1.5")]
    [InlineData("7,Ann,Lee,Female,Ohio, 30,1/1/2017,0,single,10")]
    [InlineData("")]
    public void Load_RowThatIsNotPlain_GivesTheStrictReadersTableOrError(string row)
    {
        using var temp = new TempFolder();
        var path = Write(temp, row);

        Assert.Null(CustomersLoader.TryLoadPlain(path));
        var strict = Record.Exception(() => CustomersLoader.LoadStrict(path));
        var loaded = Record.Exception(() => CustomersLoader.Load(path));
        Assert.Equal(strict?.Message, loaded?.Message);
        Assert.DoesNotContain("Ann", loaded?.Message ?? string.Empty, StringComparison.Ordinal);
        if (strict is null)
        {
            AssertSame(CustomersLoader.LoadStrict(path), CustomersLoader.Load(path));
        }
    }

    [Fact]
    public void Load_BytesThatAreNotUtf8InAName_GiveTheStrictReadersErrorWithoutTheName()
    {
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.Customers);
        var bytes = Encoding.UTF8.GetBytes($"{Header}\n5,Bo,Ek,Male,Iowa,20,1/1/2017,0,single,1\n6,An").Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes(",Ek,Female,Iowa,21,1/1/2017,0,single,2\n")).ToArray();
        File.WriteAllBytes(path, bytes);

        Assert.Null(CustomersLoader.TryLoadPlain(path));
        Assert.Equal(
            Assert.Throws<InputException>(() => CustomersLoader.LoadStrict(path)).Message,
            Assert.Throws<InputException>(() => CustomersLoader.Load(path)).Message);
    }

    [Theory]
    [InlineData("\n", true, false)]
    [InlineData("\r\n", false, true)]
    public void Load_LineEndingsBomAndNoFinalBreak_EqualTheStrictRead(string newline, bool finalBreak, bool bom)
    {
        using var temp = new TempFolder();
        var path = temp.File(InputFiles.Customers);
        var rows = Enumerable.Range(0, 3_000).Select(i => $"{i + 1},First{i},Last{i},{(i % 2 == 0 ? "Female" : "Male")},State{i % 50},{18 + (i % 60)},{(i % 12) + 1}/{(i % 28) + 1}/2018,{i % 4},{(i % 3 == 0 ? "married" : "single")},{30_000 + i}");
        File.WriteAllText(path, Header + newline + string.Join(newline, rows) + (finalBreak ? newline : string.Empty), new UTF8Encoding(bom));

        var fast = CustomersLoader.TryLoadPlain(path);

        Assert.NotNull(fast);
        AssertSame(CustomersLoader.LoadStrict(path), fast);
    }

    [Fact]
    public void Load_GeneratedSampleAndRealCustomers_AreReadFastAndEqualTheStrictRead()
    {
        using var temp = new TempFolder();
        SyntheticGenerator.Write(temp.Path, new SyntheticOptions(2_000, 11));
        var files = new List<string> { temp.File(InputFiles.Customers), Path.Combine(RepoPaths.DataSample, InputFiles.Customers) };
        if (RepoPaths.RealData is { } real && File.Exists(Path.Combine(real, InputFiles.Customers)))
        {
            files.Add(Path.Combine(real, InputFiles.Customers));
        }

        foreach (var file in files)
        {
            var fast = CustomersLoader.TryLoadPlain(file);
            Assert.NotNull(fast);
            AssertSame(CustomersLoader.LoadStrict(file), fast);
        }
    }

    private static string Write(TempFolder temp, string row)
    {
        // The row among plain ones that use the same texts, so that a value seen in one column is tried in another.
        var path = temp.File(InputFiles.Customers);
        File.WriteAllText(path, $"{Header}\n5,Bo,Ek,Female,Ohio,20,1/1/2017,0,married,1\n{row}\n6,Cy,Ek,Male,Iowa,21,1/1/2017,0,single,2\n");
        return path;
    }

    private static void AssertSame(CustomersTable expected, CustomersTable actual)
    {
        Assert.Equal(expected.UserId, actual.UserId);
        Assert.Equal(expected.Gender, actual.Gender);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.Age, actual.Age);
        Assert.Equal(expected.DateJoined, actual.DateJoined);
        Assert.Equal(expected.Dependants, actual.Dependants);
        Assert.Equal(expected.FamilyStatus, actual.FamilyStatus);
        Assert.Equal(expected.Income, actual.Income);
    }
}
