using System.Globalization;
using Cleanup.Engine.Library;

namespace Cleanup.Engine.Rules.Conditions;

/// <summary>
/// A condition with its value parsed once per evaluation (relative dates resolved against <c>now</c>), so that testing
/// it against an item allocates nothing.
/// </summary>
internal sealed class CompiledCondition
{
    private readonly ConditionProperty property;
    private readonly ConditionOperator op;
    private readonly string? user;
    private readonly DateTimeOffset from;
    private readonly DateTimeOffset to;
    private readonly double number;
    private readonly string text = string.Empty;
    private readonly bool flag;
    private readonly string[] values = [];

    private CompiledCondition(Condition condition)
    {
        property = condition.Property;
        op = condition.Operator;
        user = string.IsNullOrWhiteSpace(condition.User) ? null : condition.User.Trim();
        if (!ConditionProperties.IsPerUser(property)) user = null;
    }

    private CompiledCondition(Condition condition, DateTimeOffset from, DateTimeOffset to) : this(condition)
    {
        this.from = from;
        this.to = to;
    }

    private CompiledCondition(Condition condition, double number) : this(condition) => this.number = number;

    private CompiledCondition(Condition condition, string text) : this(condition) => this.text = text;

    private CompiledCondition(Condition condition, bool flag) : this(condition) => this.flag = flag;

    private CompiledCondition(Condition condition, string[] values) : this(condition) => this.values = values;

    /// <summary>Parses the condition's value for its property and operator; the error names what is wrong, in words.</summary>
    public static CompiledCondition? TryCompile(Condition condition, DateTimeOffset now, out string? error, out string? field)
    {
        error = null;
        field = "value";
        var type = ConditionProperties.TypeOf(condition.Property);
        if (!Enum.IsDefined(condition.Property))
        {
            field = "property";
            error = $"'{condition.Property}' is not a property";
            return null;
        }

        if (!ConditionProperties.OperatorsFor(type).Contains(condition.Operator))
        {
            field = "operator";
            error = $"'{Camel(condition.Operator)}' does not apply to {Camel(condition.Property)} (a {type.ToString().ToLowerInvariant()}); use one of: "
                    + string.Join(", ", ConditionProperties.OperatorsFor(type).Select(Camel));
            return null;
        }

        var value = condition.Value?.Trim();
        switch (type)
        {
            case ConditionValueType.Date:
                if (condition.Operator is ConditionOperator.InLast or ConditionOperator.InNext)
                {
                    var span = RetentionPeriod.Parse(value);
                    if (!span.IsValid || span.Duration is null)
                    {
                        error = span.IsValid ? "needs a duration like 30d, not never" : $"needs a duration: {span.Error}";
                        return null;
                    }

                    return condition.Operator == ConditionOperator.InLast
                        ? new CompiledCondition(condition, now - span.Duration.Value, now)
                        : new CompiledCondition(condition, now, now + span.Duration.Value);
                }

                if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                {
                    return new CompiledCondition(condition, date, date);
                }

                var ago = RetentionPeriod.Parse(value);
                if (ago.IsValid && ago.Duration is { } duration)
                {
                    return new CompiledCondition(condition, now - duration, now - duration);
                }

                error = "needs an ISO date (2026-01-31) or a duration meaning that long ago (90d)";
                return null;

            case ConditionValueType.Number:
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    return new CompiledCondition(condition, parsed);
                }

                error = $"'{value}' is not a number";
                return null;

            case ConditionValueType.Text:
                if (string.IsNullOrEmpty(value))
                {
                    error = "needs some text";
                    return null;
                }

                return new CompiledCondition(condition, value);

            case ConditionValueType.Boolean:
                if (bool.TryParse(value, out var yes)) return new CompiledCondition(condition, yes);
                error = "needs true or false";
                return null;

            default:
                if (condition.Operator is ConditionOperator.CountEquals or ConditionOperator.CountGreaterThan or ConditionOperator.CountLessThan)
                {
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                    {
                        return new CompiledCondition(condition, count);
                    }

                    error = "needs a whole number (the count)";
                    return null;
                }

                var list = ListValues(condition);
                if (list.Length == 0)
                {
                    field = condition.Values is null ? "value" : "values";
                    error = "needs at least one value";
                    return null;
                }

                if (list.Length > 1 && condition.Operator is ConditionOperator.Contains or ConditionOperator.NotContains)
                {
                    field = condition.Values is null ? "value" : "values";
                    error = "takes one value; use containsAll or containsAny for several";
                    return null;
                }

                return new CompiledCondition(condition, list);
        }
    }

    public bool Matches(LibraryItem item)
    {
        // While watch state is unknown, conditions on it hold neither way: unknown is not unwatched.
        if (ConditionProperties.IsWatchProperty(property) && !item.Watch.IsKnown) return false;
        var perUser = user is null ? null : item.Watch.ForUser(user);

        switch (property)
        {
            case ConditionProperty.Added: return MatchesDate(item.Added);
            case ConditionProperty.LastWatched: return MatchesDate(user is null ? item.Watch.LastWatched : perUser?.LastPlayed);
            case ConditionProperty.AirDate: return MatchesDate(item.AirDate);
            case ConditionProperty.LastRequested: return MatchesDate(LastRequested(item));
            case ConditionProperty.Year: return MatchesNumber(item.Year);
            case ConditionProperty.SizeGb: return MatchesNumber(item.SizeBytes / 1e9);
            case ConditionProperty.PlayCount: return MatchesNumber(user is null ? item.Watch.PlayCount : perUser?.PlayCount ?? 0);
            case ConditionProperty.SeasonNumber: return MatchesNumber(item.SeasonNumber);
            case ConditionProperty.EpisodeNumber: return MatchesNumber(item.EpisodeNumber);
            case ConditionProperty.Title: return MatchesText(item.Title);
            case ConditionProperty.SeriesStatus: return MatchesText(item.SeriesStatus?.ToString());
            case ConditionProperty.Watched: return MatchesFlag(user is null ? item.Watch.WatchedBy.Count > 0 : perUser?.HasWatched ?? false);
            case ConditionProperty.Favorite: return MatchesFlag(user is null ? item.Watch.FavoriteOf.Count > 0 : perUser?.Favorite ?? false);
            case ConditionProperty.InProgress: return MatchesFlag(user is null ? item.Watch.InProgressBy.Count > 0 : perUser?.InProgress ?? false);
            case ConditionProperty.Playing: return MatchesFlag(user is null ? item.Watch.PlayingBy.Count > 0 : perUser?.Playing ?? false);
            case ConditionProperty.Monitored: return MatchesFlag(item.Monitored);
            case ConditionProperty.Tags: return MatchesList(item.Tags);
            case ConditionProperty.Requesters: return MatchesList(new RequesterList(item.Requests));
            case ConditionProperty.WatchedBy: return MatchesList(item.Watch.WatchedBy);
            case ConditionProperty.FavoriteOf: return MatchesList(item.Watch.FavoriteOf);
            case ConditionProperty.InProgressBy: return MatchesList(item.Watch.InProgressBy);
            case ConditionProperty.PlayingBy: return MatchesList(item.Watch.PlayingBy);
            case ConditionProperty.Sources: return MatchesList(new SourceList(item.Sources));
            default: return false;
        }
    }

    private bool MatchesDate(DateTimeOffset? value)
    {
        if (value is not { } date) return false;
        return op switch
        {
            ConditionOperator.Before => date < from,
            ConditionOperator.After => date > from,
            ConditionOperator.InLast or ConditionOperator.InNext => date >= from && date <= to,
            _ => false,
        };
    }

    private bool MatchesNumber(double? value)
    {
        if (value is not { } n) return false;
        return op switch
        {
            ConditionOperator.LessThan => n < number,
            ConditionOperator.GreaterThan => n > number,
            ConditionOperator.EqualTo => n == number,
            ConditionOperator.NotEqualTo => n != number,
            _ => false,
        };
    }

    private bool MatchesText(string? value)
    {
        if (value is null) return false;
        return op switch
        {
            ConditionOperator.EqualTo => string.Equals(value, text, StringComparison.OrdinalIgnoreCase),
            ConditionOperator.NotEqualTo => !string.Equals(value, text, StringComparison.OrdinalIgnoreCase),
            ConditionOperator.Contains => value.Contains(text, StringComparison.OrdinalIgnoreCase),
            ConditionOperator.NotContains => !value.Contains(text, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    private bool MatchesFlag(bool value) => op == ConditionOperator.EqualTo ? value == flag : value != flag;

    private bool MatchesList<TList>(TList list)
        where TList : IStringList
    {
        switch (op)
        {
            case ConditionOperator.Contains: return Has(list, values[0]);
            case ConditionOperator.NotContains: return !Has(list, values[0]);
            case ConditionOperator.ContainsAll:
                foreach (var value in values)
                {
                    if (!Has(list, value)) return false;
                }

                return true;
            case ConditionOperator.ContainsAny:
                foreach (var value in values)
                {
                    if (Has(list, value)) return true;
                }

                return false;
            case ConditionOperator.CountEquals: return list.Count == (int)number;
            case ConditionOperator.CountGreaterThan: return list.Count > (int)number;
            case ConditionOperator.CountLessThan: return list.Count < (int)number;
            default: return false;
        }
    }

    private bool MatchesList(IReadOnlyList<string> list) => MatchesList(new PlainList(list));

    private static bool Has<TList>(TList list, string value)
        where TList : IStringList
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    private static DateTimeOffset? LastRequested(LibraryItem item)
    {
        DateTimeOffset? last = null;
        foreach (var request in item.Requests)
        {
            if (request.RequestedAt is { } at && (last is null || at > last)) last = at;
        }

        return last;
    }

    private static string[] ListValues(Condition condition)
    {
        IEnumerable<string> raw = condition.Values is { Count: > 0 } values
            ? values
            : (condition.Value ?? string.Empty).Split(',');
        return raw.Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
    }

    private static string Camel<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    // Views over item fields as lists of strings, without copying them.
    private interface IStringList
    {
        int Count { get; }

        string this[int index] { get; }
    }

    private readonly struct PlainList(IReadOnlyList<string> list) : IStringList
    {
        public int Count => list.Count;

        public string this[int index] => list[index];
    }

    private readonly struct RequesterList(IReadOnlyList<ItemRequest> requests) : IStringList
    {
        public int Count => requests.Count;

        public string this[int index] => requests[index].Requester;
    }

    private readonly struct SourceList(IReadOnlyList<SourceRef> sources) : IStringList
    {
        public int Count => sources.Count;

        public string this[int index] => sources[index].Instance;
    }
}
