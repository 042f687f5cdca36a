namespace Instacart.Analysis.Prediction;

/// <summary>One model feature: its column, its level and what it measures.</summary>
/// <param name="Key">The snake_case name (also the ML.NET column name in PascalCase).</param>
/// <param name="Level">user, product or user_product.</param>
/// <param name="Description">What it measures, as read in a sentence.</param>
public sealed record ReorderFeature(string Key, string Level, string Description)
{
    /// <summary>The features, in column order; <c>department</c> is categorical (one-hot in both models).</summary>
    public static IReadOnlyList<ReorderFeature> All { get; } =
    [
        new("user_orders", "user", "the number of orders the user placed before"),
        new("user_basket_size", "user", "the user's mean basket size"),
        new("user_reorder_rate", "user", "the user's reorder rate"),
        new("user_mean_days", "user", "the user's mean days between orders"),
        new("product_orders", "product", "how often the product was bought by anyone"),
        new("product_reorder_probability", "product", "the share of the product's buyers who bought it again"),
        new("department", "product", "the product's department"),
        new("user_product_orders", "user_product", "how often the user bought the product"),
        new("user_product_order_share", "user_product", "the share of the user's orders containing the product"),
        new("user_product_orders_since_last", "user_product", "the orders since the user last bought the product"),
        new("user_product_mean_cart_position", "user_product", "the product's mean add-to-cart position in the user's orders"),
    ];

    /// <summary>The column of the categorical department feature.</summary>
    public const int DepartmentColumn = 6;
}
