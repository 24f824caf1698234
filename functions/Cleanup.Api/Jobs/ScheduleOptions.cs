using Cleanup.Engine.Jobs;

namespace Cleanup.Api.Jobs;

/// <summary>
/// When each workflow runs on its own: the top-level settings <c>FullSyncSchedule</c>, <c>IncrementalSyncSchedule</c>
/// and <c>CleanupSchedule</c> (six-field NCRONTAB, UTC; empty = never) — the same names the Functions host's timer
/// triggers read (<c>%FullSyncSchedule%</c>), so one configuration serves both hosts.
/// </summary>
public sealed class ScheduleOptions
{
    /// <summary>The settings sit at the configuration root, like the Functions timers' app settings.</summary>
    public const string Section = "";

    public string FullSyncSchedule { get; set; } = "0 0 * * * *";

    public string IncrementalSyncSchedule { get; set; } = "0 */15 * * * *";

    public string CleanupSchedule { get; set; } = "0 0 3 * * *";

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, expression) in Entries())
        {
            if (!string.IsNullOrWhiteSpace(expression) && !CronSchedule.IsValid(expression))
            {
                errors.Add($"{name}Schedule '{expression}' is not a six-field NCRONTAB expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}), e.g. \"0 0 3 * * *\".");
            }
        }

        return errors;
    }

    /// <summary>The enabled schedules.</summary>
    public IReadOnlyList<WorkflowSchedule> ToSchedules() =>
    [
        .. Entries()
            .Where(e => !string.IsNullOrWhiteSpace(e.Expression))
            .Select(e => new WorkflowSchedule(Enum.Parse<JobKind>(e.Name), e.Expression, CronSchedule.NextAfter(e.Expression))),
    ];

    private IEnumerable<(string Name, string Expression)> Entries() =>
    [
        (nameof(JobKind.FullSync), FullSyncSchedule),
        (nameof(JobKind.IncrementalSync), IncrementalSyncSchedule),
        (nameof(JobKind.Cleanup), CleanupSchedule),
    ];
}
