namespace Instacart.Data.Input;

/// <summary>The fixed names of the input files in a data folder (SPEC §1).</summary>
public static class InputFiles
{
    /// <summary>Every order of every user, all eval sets.</summary>
    public const string Orders = "orders.csv";

    /// <summary>The lines of the prior orders.</summary>
    public const string PriorLines = "order_products__prior.csv";

    /// <summary>The lines of the train orders (optional).</summary>
    public const string TrainLines = "order_products__train.csv";

    /// <summary>Products with their aisle, department and price.</summary>
    public const string Products = "products.csv";

    /// <summary>Department names, long or wide layout.</summary>
    public const string Departments = "departments.csv";

    /// <summary>Aisle names (optional).</summary>
    public const string Aisles = "aisles.csv";

    /// <summary>Customers' demographics (personal names are dropped at load).</summary>
    public const string Customers = "customers.csv";

    /// <summary>Every input file, in a fixed order (the cache key's), and whether a data folder must have it.</summary>
    public static readonly IReadOnlyList<(string File, bool Required)> All =
    [
        (Orders, true),
        (PriorLines, true),
        (TrainLines, false),
        (Products, true),
        (Departments, true),
        (Aisles, false),
        (Customers, true),
    ];
}
