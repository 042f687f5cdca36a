using Instacart.Data.Paths;
namespace Instacart.Notebooks.Publishing;

/// <summary>Where a report may be written: the checks a run makes before it writes anything, for a caller that wants them early.</summary>
public static class ReportPlacement
{
    /// <summary>
    /// Throws a <see cref="ReportRefusedException"/> when <paramref name="reportFolder"/> may not receive a report: a
    /// file; one of <paramref name="protectedFolders"/>, inside one or holding one; a git work tree's root; or a
    /// non-empty folder that is not a report of ours. The run checks again under its lock.
    /// </summary>
    /// <param name="reportFolder">The report folder asked for.</param>
    /// <param name="protectedFolders">The data folder and the notebooks folder, each with what it is ("data folder").</param>
    public static void Check(string reportFolder, IEnumerable<(string Folder, string Role)> protectedFolders) =>
        ReportFolder.Refuse(RealPath.Of(reportFolder), protectedFolders);
}
