using System.Globalization;
using CsvHelper;

namespace Instacart.Synthetic;

/// <summary>customers.csv: the course's fictitious demographics, made up again from the seed.</summary>
internal static class CustomerFile
{
    /// <summary>Share of customers with an empty First Name (11,259 of 206,209 in the course file).</summary>
    private const double EmptyFirstNameShare = 11_259.0 / 206_209.0;

    /// <summary>Share of customers with an income far above the rest (170,000–600,000).</summary>
    private const double RichShare = 0.006;

    /// <summary>The first date_joined; dates run over the 1,187 days to 2020-04-01 as in the course file.</summary>
    private static readonly DateOnly FirstJoined = new(2017, 1, 1);

    private const int JoinDays = 1_187;

    private readonly record struct Customer(
        int UserId, string FirstName, string Surname, string Gender, string State, int Age,
        int JoinedDay, int Dependants, string FamilyStatus, int Income);

    /// <summary>Chooses which users are left out of customers.csv (a few, so some lines have no customer).</summary>
    public static int[] MissingUsers(int users, int seed)
    {
        int count = users >= 20 ? Math.Max(3, users / 2_000) : users >= 2 ? 1 : 0;
        var rng = Prng.For(seed, Prng.Stream.MissingCustomers);
        var chosen = new SortedSet<int>();
        while (chosen.Count < count)
        {
            chosen.Add(rng.Between(1, users));
        }

        return chosen.ToArray();
    }

    /// <summary>Writes customers.csv (CRLF, rows ordered by date_joined like the course file) and returns its data rows.</summary>
    public static long Write(string path, int users, int seed, IReadOnlyCollection<int> missingUsers)
    {
        var rng = Prng.For(seed, Prng.Stream.Customers);
        var missing = missingUsers.ToHashSet();
        var customers = new List<Customer>(users);
        for (int user = 1; user <= users; user++)
        {
            // Every user is drawn (even a missing one) so the others do not depend on who is missing.
            var c = Make(ref rng, user);
            if (!missing.Contains(user))
            {
                customers.Add(c);
            }
        }

        customers.Sort((a, b) => a.JoinedDay != b.JoinedDay ? a.JoinedDay.CompareTo(b.JoinedDay) : a.UserId.CompareTo(b.UserId));

        using (var writer = CsvWriter.ToFile(path, new CsvWriterOptions { NewLine = "\r\n" }))
        {
            writer.WriteHeader(["user_id", "First Name", "Surnam", "Gender", "STATE", "Age", "date_joined", "n_dependants", "fam_status", "income"]);
            foreach (var c in customers)
            {
                var joined = FirstJoined.AddDays(c.JoinedDay);
                writer.WriteField(c.UserId, default);
                writer.WriteField(c.FirstName);
                writer.WriteField(c.Surname);
                writer.WriteField(c.Gender);
                writer.WriteField(c.State);
                writer.WriteField(c.Age, default);
                writer.WriteField(string.Create(CultureInfo.InvariantCulture, $"{joined.Month}/{joined.Day}/{joined.Year}"));
                writer.WriteField(c.Dependants, default);
                writer.WriteField(c.FamilyStatus);
                writer.WriteField(c.Income, default);
                writer.EndRecord();
            }
        }

        return customers.Count;
    }

    private static Customer Make(ref Prng rng, int user)
    {
        bool male = rng.Chance(0.5047);
        string first = rng.Chance(EmptyFirstNameShare)
            ? ""
            : male ? WordLists.MaleNames[rng.Next(WordLists.MaleNames.Length)] : WordLists.FemaleNames[rng.Next(WordLists.FemaleNames.Length)];
        string surname = WordLists.Surnames[rng.Next(WordLists.Surnames.Length)];
        string state = Calibration.States[rng.Next(Calibration.States.Length)];
        int age = rng.Between(18, 81);
        int joined = rng.Next(JoinDays);
        int dependants = rng.Between(0, 3);
        string status = dependants > 0
            ? age <= 21 ? "living with parents and siblings" : "married"
            : age <= 35 ? "single"
            : age >= 65 ? "divorced/widowed"
            : rng.Chance(0.83) ? "single" : "divorced/widowed";
        int income = Income(ref rng, age);
        return new Customer(user, first, surname, male ? "Male" : "Female", state, age, joined, dependants, status, income);
    }

    /// <summary>
    /// Income like the course file: up to age 40 a bell around 67,000 (25,000–102,000), older a wider one
    /// around 113,000 (29,000–170,000), and 0.6% of customers far richer (170,000–600,000, skewed low).
    /// </summary>
    private static int Income(ref Prng rng, int age)
    {
        if (rng.Chance(RichShare))
        {
            double u = rng.NextDouble();
            return 170_000 + (int)(430_000 * u * u);
        }

        (double mean, double sd, int low, int high) = age <= 40 ? (67_000.0, 21_000.0, 25_000, 102_000) : (113_000.0, 40_000.0, 29_000, 170_000);
        for (int attempt = 0; attempt < 16; attempt++)
        {
            double x = mean + sd * rng.NextBell();
            if (x >= low && x <= high)
            {
                return (int)x;
            }
        }

        return (int)mean;
    }
}
