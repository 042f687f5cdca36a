using Instacart.Notebooks.Publishing;

namespace Instacart.Notebooks.Refresh;

/// <summary>
/// Which notebooks of a run into an existing report run again and which keep their published pages: a notebook is
/// reused when the report holds a record equal to this run's (same source, build, data and options), it succeeded
/// there, and its pages are in the report; otherwise it runs, and the plan says why. <c>--force</c> runs them all.
/// </summary>
/// <param name="Decisions">Per notebook considered: reused, or why it runs.</param>
/// <param name="ToRun">The notebook files to run, in order.</param>
/// <param name="Reused">The reports of the notebooks whose pages are reused.</param>
/// <param name="Records">The records of every notebook in the new report (ran, reused and kept by <c>--only</c>).</param>
internal sealed record RefreshPlan(
    IReadOnlyList<RefreshDecision> Decisions,
    IReadOnlyList<string> ToRun,
    IReadOnlyList<NotebookReport> Reused,
    IReadOnlyList<NotebookRecord> Records)
{
    /// <summary>Plans a run of <paramref name="files"/> into <paramref name="folder"/>; <paramref name="kept"/> are the notebooks an <c>--only</c> run keeps.</summary>
    public static RefreshPlan Make(ReportFolder folder, RunOptions options, IReadOnlyList<string> files, IReadOnlyList<NotebookReport> kept, Func<string, string> displayPath)
    {
        var build = options.BuildIdentity ?? BuildIdentity.Current;
        var dataset = options.Dataset?.Fingerprint ?? "";
        var published = folder.Marker.Files.ToHashSet(StringComparer.Ordinal);
        var hasReport = published.Count > 0;
        var previousRun = hasReport ? RunRecord.Read(folder.FullPath) : null;
        var previousRecords = hasReport && published.Contains(RefreshRecords.FileName)
            ? RefreshRecords.Read(folder.FullPath)
            : new Dictionary<string, NotebookRecord>(StringComparer.Ordinal);
        var previousReports = (previousRun?.Notebooks ?? []).GroupBy(n => n.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var records = new List<NotebookRecord>();
        foreach (var notebook in kept)
        {
            if (previousRecords.TryGetValue(notebook.Name, out var record))
            {
                if (record.Build != build)
                {
                    throw new ReportRefusedException(
                        $"--only would mix two library builds in {folder.FullPath} ({notebook.Name} was made by another build): run without --only to remake the whole report");
                }

                records.Add(record);
            }
        }

        var decisions = new List<RefreshDecision>();
        var toRun = new List<string>();
        var reused = new List<NotebookReport>();
        foreach (var file in files)
        {
            var record = NotebookRecord.For(file, displayPath(file), build, dataset, options.RecordedOptions);
            records.Add(record);
            var reason = ReasonToRun(record);
            if (reason is null)
            {
                reused.Add(previousReports[record.Name]);
                decisions.Add(new RefreshDecision(record.Name, true, "unchanged since the last run"));
            }
            else
            {
                toRun.Add(file);
                decisions.Add(new RefreshDecision(record.Name, false, reason));
            }
        }

        return new RefreshPlan(decisions, toRun, reused, records);

        string? ReasonToRun(NotebookRecord record)
        {
            if (options.Force)
            {
                return "--force";
            }

            if (!hasReport)
            {
                return "a new report";
            }

            if (!previousRecords.TryGetValue(record.Name, out var earlier) || !previousReports.TryGetValue(record.Name, out var report))
            {
                return "the report has no record of it";
            }

            if (record.DifferenceFrom(earlier) is { } difference)
            {
                return difference;
            }

            if (report.Status != RunStatus.Succeeded)
            {
                return "it failed last time";
            }

            return published.Contains(record.Name + IpynbWriter.Extension) && published.Contains(record.Name + HtmlExporter.Extension)
                ? null
                : "its pages are missing from the report";
        }
    }
}
