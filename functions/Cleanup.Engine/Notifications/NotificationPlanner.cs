using System.Globalization;
using Cleanup.Engine.Deletion;

namespace Cleanup.Engine.Notifications;

/// <summary>
/// Decides which leaving-soon notices are due, from the current leaving-soon list and the keys of notices already
/// sent. Keys carry the flag/deletion date, so an item that leaves and later re-enters is announced again, and keys
/// of items no longer leaving soon are forgotten.
/// </summary>
public static class NotificationPlanner
{
    public const int MaxListedItems = 25;

    public static NotificationPlan Plan(IReadOnlyList<LeavingSoonEntry> leavingSoon, IReadOnlyCollection<string> sent, DateTimeOffset now, TimeSpan remindBefore)
    {
        var sentKeys = new HashSet<string>(sent, StringComparer.Ordinal);
        var entered = new List<LeavingSoonEntry>();
        var reminders = new List<LeavingSoonEntry>();
        var enteredKeys = new List<string>();
        var reminderKeys = new List<string>();
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in leavingSoon.OrderBy(e => e.DeletionDate).ThenBy(e => e.ItemId, StringComparer.Ordinal))
        {
            var enteredKey = EnteredKey(entry);
            var remindKey = ReminderKey(entry);
            current.Add(enteredKey);
            current.Add(remindKey);
            var inReminderWindow = now >= entry.DeletionDate - remindBefore && now < entry.DeletionDate;
            if (!sentKeys.Contains(enteredKey))
            {
                entered.Add(entry);
                enteredKeys.Add(enteredKey);
                if (inReminderWindow)
                {
                    enteredKeys.Add(remindKey); // the announcement already says when: no second message right after it
                }
            }
            else if (inReminderWindow && !sentKeys.Contains(remindKey))
            {
                reminders.Add(entry);
                reminderKeys.Add(remindKey);
            }
        }

        var notices = new List<PlannedNotice>();
        if (entered.Count > 0)
        {
            notices.Add(new(Build(NotificationKind.LeavingSoon, $"{Count(entered.Count)} leaving soon", entered, now), enteredKeys));
        }

        if (reminders.Count > 0)
        {
            notices.Add(new(Build(NotificationKind.DeletionReminder, $"{Count(reminders.Count)} will be deleted within {Describe(remindBefore)}", reminders, now), reminderKeys));
        }

        var stale = sentKeys.Where(k => !current.Contains(k)).Order(StringComparer.Ordinal).ToList();
        return new NotificationPlan(notices, stale);
    }

    public static string EnteredKey(LeavingSoonEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"entered|{entry.ItemId}|{entry.FlaggedAt.UtcTicks}");

    public static string ReminderKey(LeavingSoonEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"remind|{entry.ItemId}|{entry.DeletionDate.UtcTicks}");

    private static Notification Build(NotificationKind kind, string title, IReadOnlyList<LeavingSoonEntry> entries, DateTimeOffset now)
    {
        var items = entries.Select(e => new NotificationItem(e.ItemId, e.Title, e.MediaType, e.SizeBytes, e.DeletionDate)).ToList();
        var lines = entries.Take(MaxListedItems).Select(e => string.Create(
            CultureInfo.InvariantCulture,
            $"{e.Title}{(e.Year is { } y ? $" ({y})" : string.Empty)}: {Describe(e.MediaType)}, {DeletionBudget.Format(e.SizeBytes)}, deleted on {e.DeletionDate:yyyy-MM-dd}")).ToList();
        if (entries.Count > MaxListedItems)
        {
            lines.Add($"and {entries.Count - MaxListedItems} more");
        }

        return new Notification(kind, title, string.Join('\n', lines), items, now);
    }

    internal static string Count(int n) => n == 1 ? "1 item" : $"{n} items";

    internal static string Describe(DeletionMediaType type) => type.ToString().ToLowerInvariant();

    internal static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 && span.Ticks % TimeSpan.TicksPerDay == 0 ? Plural((int)span.TotalDays, "day")
        : span.TotalHours >= 1 && span.Ticks % TimeSpan.TicksPerHour == 0 ? Plural((int)span.TotalHours, "hour")
        : Plural((int)Math.Ceiling(span.TotalMinutes), "minute");

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}

/// <param name="StaleKeys">Keys of items no longer leaving soon (to forget).</param>
public sealed record NotificationPlan(IReadOnlyList<PlannedNotice> Notices, IReadOnlyList<string> StaleKeys);

/// <param name="Keys">Keys to add to the ledger once <paramref name="Notification"/> went out.</param>
public sealed record PlannedNotice(Notification Notification, IReadOnlyList<string> Keys);
