using Cleanup.Engine.Protections;
using Cleanup.Engine.Rules;
using Cleanup.Engine.Timeline;

namespace Cleanup.Engine.Ports;

/// <summary>
/// The owner's rule set as stored: each rule on its own (so two people editing different rules do not collide) and the
/// settings (defaults, protections, timeline, disk space) as one piece. Every part carries an ETag; writes take it back
/// as If-Match and throw <see cref="RuleConcurrencyException"/> when someone else changed the part in between.
/// </summary>
public interface IRuleStore
{
    /// <summary>The whole rule set, rules in priority (list) order.</summary>
    Task<StoredRuleSet> LoadAsync(CancellationToken cancellationToken);

    /// <summary>One rule; null when there is none with this id.</summary>
    Task<StoredRule?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds a rule at the end of the list (lowest priority within its kind) with a new id.</summary>
    Task<StoredRule> AddAsync(RetentionRule rule, CancellationToken cancellationToken);

    /// <summary>Replaces a rule, keeping its place. Null when there is none with this id.</summary>
    /// <param name="ifMatch">The ETag the caller read, or <c>*</c> for any version.</param>
    /// <exception cref="RuleConcurrencyException">The rule changed since the caller read it.</exception>
    Task<StoredRule?> ReplaceAsync(string id, RetentionRule rule, string ifMatch, CancellationToken cancellationToken);

    /// <summary>Deletes a rule; false when there is none with this id.</summary>
    /// <exception cref="RuleConcurrencyException">The rule changed since the caller read it.</exception>
    Task<bool> DeleteAsync(string id, string ifMatch, CancellationToken cancellationToken);

    /// <summary>Replaces the settings.</summary>
    /// <exception cref="RuleConcurrencyException">The settings changed since the caller read them.</exception>
    Task<StoredRuleSettings> ReplaceSettingsAsync(RuleSettings settings, string ifMatch, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="ruleSet"/> when nothing is stored yet (first start). Safe when several hosts start at once
    /// and after a start that stopped half-way. True when this call seeded.
    /// </summary>
    Task<bool> SeedAsync(RuleSet ruleSet, CancellationToken cancellationToken);
}

/// <summary>One stored rule: its id (stable across edits), the ETag of this version, and the rule.</summary>
public sealed record StoredRule(string Id, string ETag, RetentionRule Rule);

/// <summary>The stored settings and their ETag (null when nothing was stored yet and these are the defaults).</summary>
public sealed record StoredRuleSettings(string? ETag, RuleSettings Settings);

/// <summary>Everything stored: the rules in list order and the settings.</summary>
public sealed record StoredRuleSet(IReadOnlyList<StoredRule> Rules, StoredRuleSettings Settings)
{
    public RuleSet ToRuleSet() => Settings.Settings.With([.. Rules.Select(r => r.Rule)]);
}

/// <summary>The parts of a <see cref="RuleSet"/> other than its rules.</summary>
public sealed record RuleSettings
{
    public RetentionPolicy Movies { get; init; } = new();

    public RetentionPolicy Series { get; init; } = new();

    public ProtectionOptions Protections { get; init; } = new();

    public TimelineOptions Timeline { get; init; } = new();

    public DiskSpaceOptions DiskSpace { get; init; } = new();

    public static RuleSettings From(RuleSet ruleSet) => new()
    {
        Movies = ruleSet.Movies,
        Series = ruleSet.Series,
        Protections = ruleSet.Protections,
        Timeline = ruleSet.Timeline,
        DiskSpace = ruleSet.DiskSpace,
    };

    public RuleSet With(IReadOnlyList<RetentionRule> rules) => new()
    {
        Movies = Movies,
        Series = Series,
        Rules = rules,
        Protections = Protections,
        Timeline = Timeline,
        DiskSpace = DiskSpace,
    };
}

/// <summary>A rule or the settings changed since the caller read them (HTTP 412): reload and apply the change again.</summary>
public sealed class RuleConcurrencyException(string message, Exception? innerException = null) : Exception(message, innerException);
