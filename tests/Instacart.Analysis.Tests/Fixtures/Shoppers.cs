using System.Globalization;
using System.Text;
using Instacart.Data;

namespace Instacart.Analysis.Tests.Fixtures;

/// <summary>One prior order: the hour it was placed and the product ids in it.</summary>
public sealed record Basket(int Hour, params int[] Products);

/// <summary>A made-up customer: the state they live in and their prior orders, in order.</summary>
public sealed record Shopper(string State, params Basket[] Orders);

/// <summary>
/// Small data folders built from a few shoppers, for sentences that judge a gap: the departments and products of
/// <see cref="TinyData"/> (1 Apple 5, 2 Milk 15, 3 Steak 15.1, 5 Diapers 100, 7 Bread without price), every order
/// on day 0, user ids from 1 in the order given. A shopper with five orders or more is active.
/// </summary>
public static class Shoppers
{
    /// <summary>Writes the folder for <paramref name="shoppers"/> and loads it with default options.</summary>
    public static InstacartData Load(params Shopper[] shoppers)
    {
        var customers = new StringBuilder("user_id,First Name,Surnam,Gender,STATE,Age,date_joined,n_dependants,fam_status,income\n");
        var orders = new StringBuilder("order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,days_since_prior_order\n");
        var lines = new StringBuilder("order_id,product_id,add_to_cart_order,reordered\n");
        var orderId = 1;
        for (var u = 0; u < shoppers.Length; u++)
        {
            var user = u + 1;
            customers.Append(CultureInfo.InvariantCulture, $"{user},A,B,Female,{shoppers[u].State},40,1/1/2019,0,single,60000\n");
            for (var n = 0; n < shoppers[u].Orders.Length; n++, orderId++)
            {
                var basket = shoppers[u].Orders[n];
                orders.Append(CultureInfo.InvariantCulture, $"{orderId},{user},prior,{n + 1},0,{basket.Hour},{(n == 0 ? string.Empty : "7.0")}\n");
                for (var i = 0; i < basket.Products.Length; i++)
                {
                    lines.Append(CultureInfo.InvariantCulture, $"{orderId},{basket.Products[i]},{i + 1},0\n");
                }
            }
        }

        using var folder = TinyData.Write(new Dictionary<string, string>
        {
            ["customers.csv"] = customers.ToString(),
            ["orders.csv"] = orders.ToString(),
            ["order_products__prior.csv"] = lines.ToString(),
            ["order_products__train.csv"] = "order_id,product_id,add_to_cart_order,reordered\n",
        });
        return InstacartData.Load(folder.Path);
    }

    /// <summary><paramref name="count"/> orders at <paramref name="hour"/>, each of <paramref name="products"/>.</summary>
    public static Basket[] Repeat(int count, int hour, params int[] products) =>
        Enumerable.Range(0, count).Select(_ => new Basket(hour, products)).ToArray();
}
