namespace Instacart.Data.Input;

/// <summary>One row of <c>products.csv</c> as read, before cleaning.</summary>
/// <param name="ProductId">The product id (not unique before cleaning).</param>
/// <param name="Name">The product name; may be empty or whitespace.</param>
/// <param name="AisleId">The aisle id.</param>
/// <param name="DepartmentId">The department id, checked against <c>departments.csv</c>.</param>
/// <param name="Price">The price, NaN where the file has none.</param>
/// <param name="PriceText">The price exactly as written, so that "exact duplicate row" compares the text.</param>
/// <param name="Line">The file line the row came from.</param>
public sealed record ProductRow(int ProductId, string Name, int AisleId, int DepartmentId, double Price, string PriceText, long Line);
