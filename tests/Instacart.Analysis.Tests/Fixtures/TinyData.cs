using Instacart.Data;
namespace Instacart.Analysis.Tests.Fixtures;

/// <summary>
/// A hand-made data folder small enough to work every expected answer out by hand (see the comments).
/// Products: 1 Apple 5.00 produce (Low: 5 is Low), 2 "Milk, whole" 15 frozen (Mid: 15 is Mid), 3 Steak 15.1
/// frozen (High), 4 nameless (dropped), 5 Diapers 100 babies (High: 100 is no outlier), 6 Caviar 100.5 produce
/// (outlier → missing → Unknown), a duplicate of 2 (dropped), 7 Bread without price produce (Unknown), and
/// 5 again as Nappies (conflicting id: first row kept).
/// Users: 1 has prior orders 1–4 (inactive: below the cut of 5), 2 has 1–5 (active), 5 orders but is no customer.
/// </summary>
public static class TinyData
{
    public const string Departments = "department_id,department\n1,frozen\n2,babies\n3,produce\n";

    public const string Products =
        "product_id,product_name,aisle_id,department_id,prices\r\n" +
        "1,Apple,1,3,5\r\n" +
        "2,\"Milk, whole\",1,1,15\r\n" +
        "3,Steak,1,1,15.1\r\n" +
        "4,,1,1,3\r\n" +
        "5,Diapers,1,2,100\r\n" +
        "6,Caviar,1,3,100.5\r\n" +
        "2,\"Milk, whole\",1,1,15\r\n" +
        "7,Bread,1,3,\r\n" +
        "5,Nappies,1,2,4\r\n";

    public const string Customers =
        "user_id,First Name,Surnam,Gender,STATE,Age,date_joined,n_dependants,fam_status,income\r\n" +
        "1,Zelda,Quixote,Female,New York,35,1/1/2017,0,single,49999\r\n" +
        "2,,Kowalczyk,Male,Texas,36,2/3/2018,2,married,50000\r\n" +
        "3,Bo,Ray,Female,California,64,1/1/2019,1,married,120000\r\n" +
        "4,Cy,Oz,Male,Ohio,65,1/1/2019,0,single,120001\r\n";

    // order: id, user, set, number, dow, hour, days
    public const string Orders =
        "order_id,user_id,eval_set,order_number,order_dow,order_hour_of_day,days_since_prior_order\n" +
        "101,1,prior,1,0,10,\n" +
        "102,1,prior,2,1,10,8.0\n" +
        "103,1,prior,3,1,23,12.0\n" +
        "104,1,prior,4,2,4,20.0\n" +
        "105,1,train,5,3,11,5.0\n" +
        "201,2,prior,1,0,9,\n" +
        "202,2,prior,2,0,10,10.0\n" +
        "203,2,prior,3,3,16,20.0\n" +
        "204,2,prior,4,4,22,30.0\n" +
        "205,2,prior,5,5,3,10.0\n" +
        "206,2,test,6,6,12,7.0\n" +
        "501,5,prior,1,6,12,\n";

    // 16 rows; 105 is a train order (not joined); 102-p4 and 501-p4 nameless, 104-p9 unknown product;
    // 501-p1 has no customer. Merged: 11 lines, 7 of them user 2's (active).
    public const string PriorLines =
        "order_id,product_id,add_to_cart_order,reordered\n" +
        "101,1,1,0\n101,2,2,0\n" +
        "102,1,1,1\n102,4,2,0\n" +
        "103,3,1,0\n" +
        "104,9,1,0\n" +
        "201,5,1,0\n201,6,2,0\n" +
        "202,5,1,1\n202,7,2,0\n" +
        "203,2,1,1\n" +
        "204,1,1,0\n" +
        "205,5,1,1\n" +
        "501,1,1,0\n501,4,2,0\n" +
        "105,1,1,1\n";

    public const string TrainLines = "order_id,product_id,add_to_cart_order,reordered\n105,1,1,1\n105,3,2,0\n";

    /// <summary>Writes the tiny folder; <paramref name="replace"/> swaps any file's text.</summary>
    public static TempFolder Write(IReadOnlyDictionary<string, string>? replace = null)
    {
        var folder = new TempFolder();
        var files = new Dictionary<string, string>
        {
            ["departments.csv"] = Departments,
            ["products.csv"] = Products,
            ["customers.csv"] = Customers,
            ["orders.csv"] = Orders,
            ["order_products__prior.csv"] = PriorLines,
            ["order_products__train.csv"] = TrainLines,
        };
        foreach (var (name, text) in replace ?? new Dictionary<string, string>())
        {
            files[name] = text;
        }

        foreach (var (name, text) in files)
        {
            if (text is not null)
            {
                File.WriteAllText(folder.File(name), text);
            }
        }

        return folder;
    }

    /// <summary>Loads the tiny folder with default options.</summary>
    public static InstacartData Load()
    {
        using var folder = Write();
        return InstacartData.Load(folder.Path);
    }
}
