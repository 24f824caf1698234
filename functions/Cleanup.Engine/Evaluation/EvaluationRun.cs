using Cleanup.Engine.Library;
using Cleanup.Engine.Protections;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Timeline;

namespace Cleanup.Engine.Evaluation;

/// <summary>One evaluation: lookups built once, then a single pass over the items.</summary>
internal sealed class EvaluationRun
{
    private readonly UnifiedLibrary library;
    private readonly EvaluationState state;
    private readonly DateTimeOffset now;
    private readonly CompiledRules rules;
    private readonly Dictionary<string, LibraryItem> index;
    private readonly ProtectionCheck protections;
    private Dictionary<string, List<LibraryItem>>? episodesBySeries;
    private Dictionary<string, EpisodePlan?>? plans;

    public EvaluationRun(UnifiedLibrary library, RuleSet ruleSet, EvaluationState state, DateTimeOffset now)
    {
        this.library = library;
        this.state = state;
        this.now = now;
        rules = new CompiledRules(ruleSet, now);
        index = library.Index();
        protections = new ProtectionCheck(library, index, rules, state, now);
    }

    public EvaluationResult Execute()
    {
        var decisions = new List<Decision>(library.Items.Count);
        var items = new List<LibraryItem>(library.Items.Count);
        foreach (var item in library.Items)
        {
            if (Decide(item) is { } decision)
            {
                decisions.Add(decision);
                items.Add(item);
            }
        }

        if (rules.RuleSet.DiskSpace.Enabled)
        {
            DiskSpaceSelection.Apply(decisions, items, rules.RuleSet.DiskSpace, state.FreeSpaceBytes);
        }

        return new EvaluationResult(now, decisions);
    }

    private Decision? Decide(LibraryItem item)
    {
        Outcome outcome;
        if (!item.IsMatched)
        {
            outcome = new Outcome(null, RuleAction.DoNothing, null, null, DecisionBasis.None, null, DecisionReason.Unmatched, item.Watch.Status);
        }
        else
        {
            var decided = item.Type switch
            {
                MediaType.Movie or MediaType.Series => ByPolicy(item),
                MediaType.Season => ByConditions(item),
                _ => ByConditions(item) ?? ByEpisodeRule(item),
            };

            if (decided is null) return null;
            outcome = decided.Value;
        }

        var protectedBy = protections.For(item);
        DateTimeOffset? previousFlag = state.FlaggedAt.TryGetValue(item.Id, out var previous) ? previous : null;

        TimelinePlacement placement;
        if (protectedBy.Count > 0)
        {
            // A protection from this run's failures must neither advance nor reset the grace period.
            var transientOnly = true;
            foreach (var protection in protectedBy) transientOnly &= protection.IsTransient;
            placement = new TimelinePlacement(DecisionStatus.Kept, transientOnly ? previousFlag : null, null, false);
        }
        else if (outcome.Due is not { } due)
        {
            placement = new TimelinePlacement(DecisionStatus.NotDue, null, null, false);
        }
        else
        {
            placement = DeletionTimeline.Place(due, previousFlag, now, rules.LeavingSoonWindow, rules.GracePeriod);
        }

        var trace = new DecisionTrace
        {
            MediaType = item.Type,
            Rule = outcome.Rule,
            Retention = outcome.Retention,
            Basis = outcome.Basis,
            BasisDate = outcome.BasisDate,
            Reason = outcome.Reason,
            Watch = outcome.Watch,
            DueDate = outcome.Due,
            FlaggedAt = placement.FlaggedAt,
            DeletionDate = placement.DeletionDate,
            LeavingSoonWindow = rules.LeavingSoonWindow,
            GracePeriod = rules.GracePeriod,
            GraceExtended = placement.GraceExtended,
            Protections = protectedBy,
        };

        return new Decision
        {
            ItemId = item.Id,
            MediaType = item.Type,
            Title = item.Title,
            SizeBytes = item.SizeBytes,
            Status = placement.Status,
            DueDate = outcome.Due,
            DeletionDate = placement.DeletionDate,
            FlaggedAt = placement.FlaggedAt,
            Rule = outcome.Rule,
            Action = outcome.Action,
            Protections = protectedBy,
            Trace = trace,
        };
    }

    private Outcome? ByConditions(LibraryItem item)
    {
        var conditions = rules.For(item.Type).Conditions;
        for (var i = 0; i < conditions.Count; i++)
        {
            var rule = conditions[i];
            if (!rule.Matches(item)) continue;

            var reference = new RuleReference(RuleKind.Condition, rules.Names[rule.Index], rule.Index);
            if (rule.Rule.Action == RuleAction.DoNothing)
            {
                return new Outcome(reference, RuleAction.DoNothing, null, null, DecisionBasis.ConditionsMatched, now, DecisionReason.DoNothing, item.Watch.Status);
            }

            // Due from when the conditions were first seen to hold: the grace period then runs from the flag.
            var since = state.FlaggedAt.TryGetValue(item.Id, out var flagged) && flagged < now ? flagged : now;
            return new Outcome(reference, rule.Rule.Action, null, since, DecisionBasis.ConditionsMatched, since, DecisionReason.Scheduled, item.Watch.Status);
        }

        return null;
    }

    private Outcome ByPolicy(LibraryItem item)
    {
        var typeRules = rules.For(item.Type);
        var all = rules.RuleSet.Rules;

        // Tag rules: the first rule (in list order) that names any of the item's tags.
        var best = int.MaxValue;
        string? matched = null;
        foreach (var tag in item.Tags)
        {
            if (typeRules.TagIndex.TryGetValue(tag, out var i) && i < best)
            {
                best = i;
                matched = tag;
            }
        }

        if (best != int.MaxValue)
        {
            var rule = (TagRule)all[best];
            return FromPolicy(new RuleReference(RuleKind.Tag, rules.Names[best], best, $"tag '{matched}'"), rule.Retention, rule.RequireWatched, rule.RetentionBase, rule.UnwatchedBehavior, rule.Action, WatchOf(item), item.Added);
        }

        // Requester rules: the first rule that names any requester (by name or e-mail).
        foreach (var request in item.Requests)
        {
            if (typeRules.RequesterIndex.TryGetValue(request.Requester, out var i) && i < best) best = i;
            if (request.RequesterEmail is { } email && typeRules.RequesterIndex.TryGetValue(email, out var j) && j < best) best = j;
        }

        if (best != int.MaxValue)
        {
            var rule = (RequesterRule)all[best];
            var (watch, requesters) = RequesterWatch(item, rules.RequesterUsers[best]!);
            return FromPolicy(new RuleReference(RuleKind.Requester, rules.Names[best], best, $"requested by {requesters}"), rule.Retention, rule.RequireWatched, rule.RetentionBase, rule.UnwatchedBehavior, rule.Action, watch, item.Added);
        }

        if (ByConditions(item) is { } byConditions) return byConditions;

        // Watched rules match only items watched by someone (or by one of their users).
        if (item.Watch.IsKnown)
        {
            foreach (var i in typeRules.Watched)
            {
                var rule = (WatchedRule)all[i];
                var (watched, last, by) = WatchedBy(item, rule.Users);
                if (!watched) continue;
                return FromPolicy(new RuleReference(RuleKind.Watched, rules.Names[i], i, $"watched by {by}"), rule.Retention, rule.RequireWatched, rule.RetentionBase, rule.UnwatchedBehavior, rule.Action, new WatchFacts(WatchStatus.Watched, last), item.Added);
            }
        }

        var policy = typeRules.Default!;
        return FromPolicy(typeRules.DefaultReference!, policy.Retention, policy.RequireWatched, policy.RetentionBase, policy.UnwatchedBehavior, policy.Action, WatchOf(item), item.Added);
    }

    private Outcome? ByEpisodeRule(LibraryItem item)
    {
        if (rules.EpisodeRules.Count == 0 || item.SeriesItemId is null) return null;
        if (PlanFor(item.SeriesItemId) is not { } plan) return null;

        var rule = (EpisodeRule)rules.RuleSet.Rules[plan.RuleIndex];
        var reference = new RuleReference(RuleKind.Episode, rules.Names[plan.RuleIndex], plan.RuleIndex);
        var retention = rule.MaxAge.IsNever || rule.MaxAge.IsZero ? null : rule.MaxAge.Text;
        if (plan.Kept.Contains(item.Id))
        {
            return new Outcome(reference, rule.Action, retention, null, DecisionBasis.None, null, DecisionReason.InsideKeptSet, item.Watch.Status);
        }

        // Outside the kept set with no age limit: due from its base date (the grace period still applies).
        var age = rule.MaxAge.IsNever || rule.MaxAge.IsZero ? RetentionPeriod.Days(0) : rule.MaxAge;
        return FromPolicy(reference, age, rule.RequireWatched, rule.RetentionBase, UnwatchedBehavior.KeepForever, rule.Action, WatchOf(item), item.Added, zeroIsNever: false) with
        {
            Retention = retention,
        };
    }

    private Outcome FromPolicy(
        RuleReference rule,
        RetentionPeriod retention,
        bool requireWatched,
        RetentionBase basis,
        UnwatchedBehavior unwatched,
        RuleAction action,
        WatchFacts watch,
        DateTimeOffset? added,
        bool zeroIsNever = true)
    {
        var text = retention.Text;
        if (action == RuleAction.DoNothing)
        {
            return new Outcome(rule, action, text, null, DecisionBasis.None, null, DecisionReason.DoNothing, watch.Status);
        }

        if (retention.Duration is not { } span || (zeroIsNever && span == TimeSpan.Zero))
        {
            return new Outcome(rule, action, text, null, DecisionBasis.None, null, DecisionReason.RetentionNever, watch.Status);
        }

        var watched = watch.Status == WatchStatus.Watched;
        if (requireWatched && !watched)
        {
            return new Outcome(rule, action, text, null, DecisionBasis.None, null, DecisionReason.AwaitingWatch, watch.Status);
        }

        DateTimeOffset? from;
        DecisionBasis kind;
        switch (basis)
        {
            case RetentionBase.Added:
                (from, kind) = (added, DecisionBasis.Added);
                break;
            case RetentionBase.LastWatched when watched:
                (from, kind) = (watch.LastWatched, DecisionBasis.LastWatched);
                break;
            case RetentionBase.LastWatched when unwatched == UnwatchedBehavior.CountFromAdded:
                (from, kind) = (added, DecisionBasis.Added);
                break;
            case RetentionBase.LastWatched:
                return new Outcome(rule, action, text, null, DecisionBasis.None, null, DecisionReason.UnwatchedKeptForever, watch.Status);
            default:
                // The later of the two, so that a re-import after a watch gets its full time again.
                (from, kind) = watched && watch.LastWatched is { } last && (added is null || last > added)
                    ? (watch.LastWatched, DecisionBasis.LastWatched)
                    : (added, DecisionBasis.Added);
                break;
        }

        if (from is not { } start)
        {
            return new Outcome(rule, action, text, null, kind, null, DecisionReason.MissingDate, watch.Status);
        }

        return new Outcome(rule, action, text, DeletionTimeline.AddSafely(start, span), kind, start, DecisionReason.Scheduled, watch.Status);
    }

    private static WatchFacts WatchOf(LibraryItem item) => new(item.Watch.Status, item.Watch.LastWatched);

    /// <summary>
    /// The watch state of the requesters a requester rule names: watched only when every one of them who requested the
    /// item has watched it; last watched is their latest play.
    /// </summary>
    private static (WatchFacts Watch, string Requesters) RequesterWatch(LibraryItem item, HashSet<string> users)
    {
        var names = string.Empty;
        var all = true;
        var any = false;
        DateTimeOffset? last = null;
        foreach (var request in item.Requests)
        {
            if (!users.Contains(request.Requester) && (request.RequesterEmail is null || !users.Contains(request.RequesterEmail))) continue;
            if (names.Contains(request.Requester, StringComparison.OrdinalIgnoreCase)) continue;
            names = names.Length == 0 ? request.Requester : $"{names}, {request.Requester}";
            any = true;
            var watch = item.Watch.ForUser(request.Requester);
            all &= watch?.HasWatched ?? false;
            if (watch?.LastPlayed is { } played && (last is null || played > last)) last = played;
        }

        var status = !item.Watch.IsKnown ? WatchStatus.Unknown : any && all ? WatchStatus.Watched : WatchStatus.Unwatched;
        return (new WatchFacts(status, last), names);
    }

    private static (bool Watched, DateTimeOffset? Last, string By) WatchedBy(LibraryItem item, IReadOnlyList<string> users)
    {
        if (users.Count == 0)
        {
            return item.Watch.WatchedBy.Count > 0
                ? (true, item.Watch.LastWatched, item.Watch.WatchedBy.Count == 1 ? item.Watch.WatchedBy[0] : "several users")
                : (false, null, string.Empty);
        }

        var watched = false;
        DateTimeOffset? last = null;
        var by = string.Empty;
        foreach (var user in users)
        {
            if (item.Watch.ForUser(user) is not { HasWatched: true } watch) continue;
            by = watched ? "several users" : watch.User;
            watched = true;
            if (watch.LastPlayed is { } played && (last is null || played > last)) last = played;
        }

        return (watched, last, by);
    }

    private EpisodePlan? PlanFor(string seriesId)
    {
        plans ??= new Dictionary<string, EpisodePlan?>(StringComparer.Ordinal);
        if (plans.TryGetValue(seriesId, out var cached)) return cached;

        EpisodePlan? plan = null;
        if (index.TryGetValue(seriesId, out var series))
        {
            foreach (var i in rules.EpisodeRules)
            {
                var rule = (EpisodeRule)rules.RuleSet.Rules[i];
                if (rule.SkipContinuingSeries && series.SeriesStatus == Sources.SeriesStatus.Continuing) continue;
                if (rule.Tags.Count > 0 && !SharesTag(series.Tags, rule.Tags)) continue;
                plan = new EpisodePlan(i, KeptEpisodes(EpisodesOf(seriesId), rule));
                break;
            }
        }

        plans[seriesId] = plan;
        return plan;
    }

    private List<LibraryItem> EpisodesOf(string seriesId)
    {
        if (episodesBySeries is null)
        {
            episodesBySeries = new Dictionary<string, List<LibraryItem>>(StringComparer.Ordinal);
            foreach (var item in library.Items)
            {
                if (item.Type != MediaType.Episode || item.SeriesItemId is null || !item.IsMatched) continue;
                if (!episodesBySeries.TryGetValue(item.SeriesItemId, out var list)) episodesBySeries[item.SeriesItemId] = list = [];
                list.Add(item);
            }
        }

        return episodesBySeries.TryGetValue(seriesId, out var episodes) ? episodes : [];
    }

    private static HashSet<string> KeptEpisodes(List<LibraryItem> episodes, EpisodeRule rule)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal);
        if (rule.KeepLatestEpisodes is null && rule.KeepLatestSeasons is null) return kept;

        // Latest first; specials (season 0) count as the oldest season.
        var ordered = episodes.ToArray();
        Array.Sort(ordered, static (a, b) =>
        {
            var bySeason = SeasonKey(b).CompareTo(SeasonKey(a));
            return bySeason != 0 ? bySeason : (b.EpisodeNumber ?? 0).CompareTo(a.EpisodeNumber ?? 0);
        });

        if (rule.KeepLatestEpisodes is { } count)
        {
            for (var i = 0; i < ordered.Length && i < count; i++) kept.Add(ordered[i].Id);
        }

        if (rule.KeepLatestSeasons is { } seasons)
        {
            var seen = 0;
            int? current = null;
            foreach (var episode in ordered)
            {
                if (SeasonKey(episode) != current)
                {
                    current = SeasonKey(episode);
                    if (++seen > seasons) break;
                }

                kept.Add(episode.Id);
            }
        }

        return kept;
    }

    private static int SeasonKey(LibraryItem episode) => episode.SeasonNumber is { } season and > 0 ? season : -1;

    private static bool SharesTag(IReadOnlyList<string> tags, IReadOnlyList<string> wanted)
    {
        foreach (var tag in tags)
        {
            foreach (var want in wanted)
            {
                if (string.Equals(tag, want, StringComparison.OrdinalIgnoreCase)) return true;
            }
        }

        return false;
    }

    private readonly record struct WatchFacts(WatchStatus Status, DateTimeOffset? LastWatched);

    private sealed record EpisodePlan(int RuleIndex, HashSet<string> Kept);

    private readonly record struct Outcome(
        RuleReference? Rule,
        RuleAction Action,
        string? Retention,
        DateTimeOffset? Due,
        DecisionBasis Basis,
        DateTimeOffset? BasisDate,
        DecisionReason Reason,
        WatchStatus Watch);
}
