using Instacart.Data.Lines;

namespace Instacart.Data.Input;

/// <summary>Every input file of a data folder, read and validated, nothing cleaned yet.</summary>
/// <param name="Folder">The data folder's full path.</param>
/// <param name="Orders"><c>orders.csv</c>.</param>
/// <param name="PriorLines"><c>order_products__prior.csv</c>.</param>
/// <param name="TrainLines"><c>order_products__train.csv</c>, when present.</param>
/// <param name="Products"><c>products.csv</c>, every row as written.</param>
/// <param name="Departments"><c>departments.csv</c>.</param>
/// <param name="Aisles"><c>aisles.csv</c>, when present.</param>
/// <param name="Customers"><c>customers.csv</c> without personal names.</param>
public sealed record InputTables(
    string Folder,
    OrdersTable Orders,
    OrderLinesTable PriorLines,
    OrderLinesTable? TrainLines,
    IReadOnlyList<ProductRow> Products,
    NamedIds Departments,
    NamedIds? Aisles,
    CustomersTable Customers)
{
    /// <summary>Reads every file of <paramref name="folder"/>; the two big ones are read in parallel.</summary>
    public static InputTables Load(string folder) => Load(folder, null);

    /// <summary>
    /// Reads every file of <paramref name="folder"/>, skipping and logging rows that break their schema when
    /// <paramref name="badRows"/> skips (null: the first bad row throws).
    /// </summary>
    public static InputTables Load(string folder, BadRowLog? badRows) => Load(folder, badRows, Parallelism.Default);

    /// <summary>
    /// As <see cref="Load(string, BadRowLog?)"/>, the line files read on up to <paramref name="parallelism"/>'s threads;
    /// <paramref name="censuses"/>, by file name, are what hashing the files learned (<see cref="LineCensus"/>).
    /// </summary>
    internal static InputTables Load(string folder, BadRowLog? badRows, Parallelism parallelism, IReadOnlyDictionary<string, LineCensus>? censuses = null)
    {
        folder = Path.GetFullPath(folder);
        var ordersPath = DataFolder.Locate(folder, InputFiles.Orders, required: true)!;
        var priorPath = DataFolder.Locate(folder, InputFiles.PriorLines, required: true)!;
        var productsPath = DataFolder.Locate(folder, InputFiles.Products, required: true)!;
        var departmentsPath = DataFolder.Locate(folder, InputFiles.Departments, required: true)!;
        var customersPath = DataFolder.Locate(folder, InputFiles.Customers, required: true)!;
        var trainPath = DataFolder.Locate(folder, InputFiles.TrainLines, required: false);
        var aislesPath = DataFolder.Locate(folder, InputFiles.Aisles, required: false);

        var prior = Task.Run(() => OrderLinesLoader.Load(priorPath, badRows, parallelism, censuses?.GetValueOrDefault(InputFiles.PriorLines)));
        OrdersTable orders;
        IReadOnlyList<ProductRow> products;
        NamedIds departments;
        NamedIds? aisles;
        CustomersTable customers;
        OrderLinesTable? train;
        try
        {
            orders = OrdersLoader.Load(ordersPath, badRows, censuses?.GetValueOrDefault(InputFiles.Orders));
            departments = DepartmentsLoader.Load(departmentsPath, badRows);
            aisles = aislesPath is null ? null : NamedIdsLoader.LoadAisles(aislesPath, badRows);
            products = ProductsLoader.Load(productsPath, badRows);
            customers = CustomersLoader.Load(customersPath, badRows);
            train = trainPath is null ? null : OrderLinesLoader.Load(trainPath, badRows, parallelism, censuses?.GetValueOrDefault(InputFiles.TrainLines));
        }
        finally
        {
            // Never leave the parallel read running (or its error unobserved) when this thread fails first.
            try
            {
                prior.Wait();
            }
            catch (AggregateException)
            {
            }
        }

        var tables = new InputTables(folder, orders, prior.GetAwaiter().GetResult(), train, products, departments, aisles, customers);
        tables.EnsureRequiredFilesHaveRows();
        return tables;
    }

    /// <summary>A required file with a header and no data row is a cut-short export, not an empty shop: bad input.</summary>
    private void EnsureRequiredFilesHaveRows()
    {
        foreach (var (file, rows) in new (string, int)[]
        {
            (InputFiles.Orders, Orders.Count),
            (InputFiles.PriorLines, PriorLines.Count),
            (InputFiles.Products, Products.Count),
            (InputFiles.Departments, Departments.Ids.Count),
            (InputFiles.Customers, Customers.Count),
        })
        {
            if (rows == 0)
            {
                throw new InputException(file, 2, 0, null, "at least one data row", "only the header");
            }
        }
    }
}
