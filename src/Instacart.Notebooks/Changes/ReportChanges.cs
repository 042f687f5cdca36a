using Instacart.Analysis.Answers;
using Instacart.Notebooks.Publishing;

namespace Instacart.Notebooks.Changes;

/// <summary>
/// The "What changed" step of a run: compare with the earlier report named by <c>--compare</c>, or with the report being
/// replaced when it was made from other data; or keep the published comparison when the data and options are the same
/// as when it was made (a re-run after a notebook changed still shows what moved since the report before).
/// </summary>
internal sealed class ReportChanges
{
    private readonly ComparisonBase? baseline;

    private ReportChanges(ComparisonBase? baseline) => this.baseline = baseline;

    /// <summary>Plans the step for a run into <paramref name="folder"/>, reading the earlier <c>answers.json</c> now; null when the run makes no comparison.</summary>
    public static ReportChanges? Plan(ReportFolder folder, RunOptions options)
    {
        if (options.CompareWith is { } compare)
        {
            var earlier = Path.GetFullPath(compare);
            if (!Directory.Exists(earlier))
            {
                throw new ReportRefusedException($"--compare {compare}: no such folder; name the folder of an earlier report");
            }

            return new ReportChanges(ComparisonBase.Read(earlier));
        }

        var published = folder.Marker.Files.ToHashSet(StringComparer.Ordinal);
        if (published.Count == 0 || RunRecord.Read(folder.FullPath) is not { Dataset: { } previous } record || options.Dataset is not { } current)
        {
            return null;
        }

        if (previous.Fingerprint != current.Fingerprint)
        {
            return published.Contains(AnswersDocument.FileName) ? new ReportChanges(ComparisonBase.Read(folder.FullPath)) : null;
        }

        var sameOptions = record.Options.Count == options.RecordedOptions.Count
            && record.Options.All(o => options.RecordedOptions.GetValueOrDefault(o.Key) == o.Value);
        return sameOptions && published.Contains(ChangesJson.FileName) && published.Contains(ChangesPage.FileName) ? new ReportChanges(null) : null;
    }

    /// <summary>
    /// Writes <c>changes.json</c> and <c>changes.html</c> into <paramref name="staging"/> (after <c>answers.json</c>),
    /// or keeps the published ones; returns the summary line and the section that opens the PDF.
    /// </summary>
    public (string Summary, string? PrintSection) Write(ReportStaging staging, DatasetIdentity? dataset)
    {
        if (baseline is null)
        {
            staging.Keep(ChangesJson.FileName);
            staging.Keep(ChangesPage.FileName);
            return ("kept the comparison of the last run (same data)", ChangesPage.SectionOf(File.ReadAllText(Path.Combine(staging.Folder, ChangesPage.FileName))));
        }

        var answers = staging.Files.Contains(AnswersDocument.FileName) ? File.ReadAllText(Path.Combine(staging.Folder, AnswersDocument.FileName)) : null;
        var changes = baseline.CompareWith(answers, dataset);
        staging.WriteAllText(ChangesJson.FileName, ChangesJson.ToJson(changes));
        staging.WriteAllText(ChangesPage.FileName, ChangesPage.Render(changes));
        return (changes.Summary, ChangesPage.Section(changes));
    }
}
