using Cleanup.Engine.Jobs;

namespace Cleanup.Api.Jobs;

/// <summary>
/// When each workflow runs on its own, bound from <c>Schedules</c> (six-field NCRONTAB, UTC; empty = never).
/// The Functions host reads the same settings in its timer triggers (<c>%Schedules:FullSync%</c>).
/// </summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedules";

    public string FullSync { get; set; } = "0 0 * * * *";

    public string IncrementalSync { get; set; } = "0 */15 * * * *";

    public string Cleanup { get; set; } = "0 0 3 * * *";

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, expression) in Entries())
        {
            if (!string.IsNullOrWhiteSpace(expression) && !CronSchedule.IsValid(expression))
            {
                errors.Add($"{Section}:{name} '{expression}' is not a six-field NCRONTAB expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}), e.g. \"0 0 3 * * *\".");
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
        (nameof(FullSync), FullSync),
        (nameof(IncrementalSync), IncrementalSync),
        (nameof(Cleanup), Cleanup),
    ];
}
