using System.Globalization;

namespace Instacart.Analysis.Segments;

/// <summary>
/// Names a cluster in words from its standardized centroid: the features whose cluster mean lies furthest from the
/// population mean (in standard deviations) become an adjective and a noun, e.g. "Frequent produce lovers"
/// (median days between orders far below, produce share far above).
/// </summary>
internal static class SegmentNaming
{
    /// <summary>
    /// The name of each cluster. <paramref name="deviations"/>[c][f] is cluster c's mean z-score of feature f.
    /// A deviation below <paramref name="threshold"/> does not name; a cluster with none is "Typical shoppers".
    /// Names are kept distinct: a cluster whose best pair is taken tries its next features, then gets a number.
    /// </summary>
    public static string[] Name(IReadOnlyList<SegmentFeature> features, IReadOnlyList<double[]> deviations, double threshold = 0.25)
    {
        var names = new string[deviations.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < deviations.Count; c++)
        {
            var ranked = Ranked(deviations[c], threshold);
            string? name = null;
            foreach (var candidate in Candidates(features, deviations[c], ranked))
            {
                if (taken.Add(candidate))
                {
                    name = candidate;
                    break;
                }
            }

            if (name is null)
            {
                var first = Candidates(features, deviations[c], ranked).First();
                name = $"{first} ({(c + 1).ToString(CultureInfo.InvariantCulture)})";
                taken.Add(name);
            }

            names[c] = name;
        }

        return names;
    }

    /// <summary>The naming features of a cluster, largest absolute deviation first, at or above the threshold.</summary>
    public static int[] Ranked(double[] deviation, double threshold) =>
        Enumerable.Range(0, deviation.Length)
            .Where(f => Math.Abs(deviation[f]) >= threshold)
            .OrderByDescending(f => Math.Abs(deviation[f]))
            .ThenBy(f => f)
            .ToArray();

    /// <summary>The phrase for two features: <paramref name="first"/> as an adjective, <paramref name="second"/> as a noun.</summary>
    public static string Phrase(SegmentFeature first, bool firstHigh, SegmentFeature? second, bool secondHigh)
    {
        if (second is null)
        {
            return Capitalize(Noun(first, firstHigh));
        }

        if (first.DepartmentId >= 0 && second.DepartmentId >= 0 && firstHigh == secondHigh)
        {
            return Capitalize($"{Department(first)} and {Department(second)} {(firstHigh ? "lovers" : "skippers")}");
        }

        return Capitalize($"{Adjective(first, firstHigh)} {Noun(second, secondHigh)}");
    }

    private static IEnumerable<string> Candidates(IReadOnlyList<SegmentFeature> features, double[] deviation, int[] ranked)
    {
        if (ranked.Length == 0)
        {
            yield return "Typical shoppers";
            yield break;
        }

        var top = ranked[0];
        if (ranked.Length == 1)
        {
            yield return Phrase(features[top], deviation[top] > 0, null, false);
        }

        for (var j = 1; j < ranked.Length; j++)
        {
            yield return Phrase(features[top], deviation[top] > 0, features[ranked[j]], deviation[ranked[j]] > 0);
        }

        for (var i = 1; i < ranked.Length; i++)
        {
            for (var j = i + 1; j < ranked.Length; j++)
            {
                yield return Phrase(features[ranked[i]], deviation[ranked[i]] > 0, features[ranked[j]], deviation[ranked[j]] > 0);
            }
        }

        yield return Phrase(features[top], deviation[top] > 0, null, false);
    }

    private static string Adjective(SegmentFeature feature, bool high) => feature.Key switch
    {
        "max_order" => high ? "loyal" : "new",
        "median_days" => high ? "occasional" : "frequent",
        "basket_size" => high ? "big-basket" : "small-basket",
        "mean_item_price" => high ? "premium" : "budget",
        "reorder_rate" => high ? "habitual" : "adventurous",
        _ => $"{Department(feature)}-{(high ? "heavy" : "light")}",
    };

    private static string Noun(SegmentFeature feature, bool high) => feature.Key switch
    {
        "max_order" => high ? "regulars" : "newcomers",
        "median_days" => high ? "occasional shoppers" : "frequent shoppers",
        "basket_size" => high ? "big-basket shoppers" : "small-basket shoppers",
        "mean_item_price" => high ? "premium shoppers" : "bargain hunters",
        "reorder_rate" => high ? "creatures of habit" : "explorers",
        _ => $"{Department(feature)} {(high ? "lovers" : "skippers")}",
    };

    private static string Department(SegmentFeature feature)
    {
        var name = feature.Label.EndsWith(" share", StringComparison.Ordinal) ? feature.Label[..^" share".Length] : feature.Label;

        // The catch-all departments read as words otherwise ("Missing lovers").
        return name is "missing" or "other" ? name + "-department" : name;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
