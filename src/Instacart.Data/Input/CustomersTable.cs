namespace Instacart.Data.Input;

/// <summary>
/// <c>customers.csv</c> without its personal columns (<c>First Name</c>, <c>Surnam</c> are validated and dropped
/// while reading: they never reach this table), renamed to SPEC §2.4's names.
/// </summary>
public sealed class CustomersTable
{
    internal CustomersTable(int[] userId, string[] gender, string[] state, int[] age, string[] dateJoined, int[] dependants, string[] familyStatus, int[] income, SkippedRows? skipped = null)
    {
        UserId = userId;
        Gender = gender;
        State = state;
        Age = age;
        DateJoined = dateJoined;
        Dependants = dependants;
        FamilyStatus = familyStatus;
        Income = income;
        Skipped = skipped;
    }

    /// <summary>Number of rows.</summary>
    public int Count => UserId.Length;

    /// <summary><c>user_id</c>, unique.</summary>
    public int[] UserId { get; }

    /// <summary><c>gender</c>.</summary>
    public string[] Gender { get; }

    /// <summary><c>state</c>, spelled out ("District of Columbia" included).</summary>
    public string[] State { get; }

    /// <summary><c>age</c> in years.</summary>
    public int[] Age { get; }

    /// <summary><c>date_joined</c> as written (M/d/yyyy).</summary>
    public string[] DateJoined { get; }

    /// <summary><c>n_dependants</c>.</summary>
    public int[] Dependants { get; }

    /// <summary><c>fam_status</c>.</summary>
    public string[] FamilyStatus { get; }

    /// <summary><c>income</c>, a whole number.</summary>
    public int[] Income { get; }

    /// <summary>Rows skipped as bad input while loading (only under <see cref="BadRowPolicy.Skip"/>).</summary>
    public SkippedRows? Skipped { get; }

    /// <summary>The file line of row <paramref name="row"/> (no field may hold a line break: control characters are bad input).</summary>
    public long LineOf(int row) => Skipped?.LineOf(row) ?? row + 2L;
}
