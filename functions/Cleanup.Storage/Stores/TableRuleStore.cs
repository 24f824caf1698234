using System.Text.Json;
using Cleanup.Engine.Ports;
using Cleanup.Engine.Rules;
using Cleanup.Storage.Tables;

namespace Cleanup.Storage.Stores;

/// <summary>
/// The rule set in the "Rules" table: one entity per rule (partition <c>rule</c>, row = id, the rule as JSON in
/// <c>Json</c>, its place in the list in <c>Position</c>) and one for the settings (partition <c>settings</c>, row
/// <c>current</c>). Rules are separate entities so that each has its own ETag; a homelab has tens of rules, so reading
/// them all is one small query.
/// </summary>
public sealed class TableRuleStore(TableClient table, TimeProvider? time = null) : IRuleStore
{
    public const string TableName = "Rules";
    private const string RulePartition = "rule";
    private const string SettingsPartition = "settings";
    private const string SettingsRow = "current";
    private const string JsonProperty = "Json";
    private const string PositionProperty = "Position";

    private readonly TimeProvider time = time ?? TimeProvider.System;

    public async Task<StoredRuleSet> LoadAsync(CancellationToken cancellationToken)
    {
        var rules = new List<(long Position, StoredRule Rule)>();
        StoredRuleSettings? settings = null;
        await foreach (var entity in table.QueryAsync(cancellationToken: cancellationToken))
        {
            if (entity.PartitionKey == RulePartition)
            {
                rules.Add((entity.GetInt64(PositionProperty) ?? long.MaxValue, ToRule(entity)));
            }
            else if (entity is { PartitionKey: SettingsPartition, RowKey: SettingsRow })
            {
                settings = ToSettings(entity);
            }
        }

        var ordered = rules.OrderBy(r => r.Position).ThenBy(r => r.Rule.Id, StringComparer.Ordinal).Select(r => r.Rule).ToList();
        return new StoredRuleSet(ordered, settings ?? new StoredRuleSettings(null, RuleSettings.From(RuleSet.Default)));
    }

    public async Task<StoredRule?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsRuleId(id)) return null;
        var entity = await table.GetEntityAsync(RulePartition, id, cancellationToken: cancellationToken);
        return entity is null ? null : ToRule(entity);
    }

    public async Task<StoredRule> AddAsync(RetentionRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var id = Guid.NewGuid().ToString("N");

        // Time orders new rules after every existing one (seeded rules sit at 0..n) without reading the others.
        var entity = RuleEntity(id, rule);
        entity[PositionProperty] = time.GetUtcNow().UtcTicks;
        var etag = await table.AddEntityAsync(entity, cancellationToken);
        return new StoredRule(id, etag, rule);
    }

    public async Task<StoredRule?> ReplaceAsync(string id, RetentionRule rule, string ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        if (!IsRuleId(id)) return null;
        try
        {
            // Merge, so the rule keeps its Position.
            var etag = await table.UpdateEntityAsync(RuleEntity(id, rule), ifMatch, TableUpdateMode.Merge, cancellationToken);
            return new StoredRule(id, etag, rule);
        }
        catch (TableConflictException ex)
        {
            throw new RuleConcurrencyException($"Rule '{id}' was changed by someone else; reload it and apply your change again.", ex);
        }
        catch (TableRequestException ex) when (ex.Status == 404 && ex.ErrorCode != "TableNotFound")
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string id, string ifMatch, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        if (!IsRuleId(id)) return false;
        try
        {
            return await table.DeleteEntityAsync(RulePartition, id, ifMatch, cancellationToken);
        }
        catch (TableConflictException ex)
        {
            throw new RuleConcurrencyException($"Rule '{id}' was changed by someone else; reload it before deleting it.", ex);
        }
    }

    public async Task<StoredRuleSettings> ReplaceSettingsAsync(RuleSettings settings, string ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        var entity = SettingsEntity(settings);
        try
        {
            var etag = ifMatch == "*"
                ? await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken)
                : await table.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken);
            return new StoredRuleSettings(etag, settings);
        }
        catch (TableConflictException ex)
        {
            throw new RuleConcurrencyException("The rule settings were changed by someone else; reload them and apply your change again.", ex);
        }
        catch (TableRequestException ex) when (ex.Status == 404 && ex.ErrorCode != "TableNotFound")
        {
            throw new RuleConcurrencyException("The rule settings were not stored yet when you read them; reload them and apply your change again.", ex);
        }
    }

    public async Task<bool> SeedAsync(RuleSet ruleSet, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);

        // The settings entity is written last and marks a finished seed; without it, rules found are left over from a
        // seed that stopped half-way. Seeded ids are fixed, so a second host seeding at the same time writes the same.
        if (await table.GetEntityAsync(SettingsPartition, SettingsRow, cancellationToken: cancellationToken) is not null) return false;

        var seeded = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ruleSet.Rules.Count; i++)
        {
            var id = $"seed-{i + 1}";
            var entity = RuleEntity(id, ruleSet.Rules[i]);
            entity[PositionProperty] = (long)i;
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
            seeded.Add(id);
        }

        await foreach (var leftover in table.QueryAsync(TableFilter.Create($"PartitionKey eq {RulePartition}"), select: [PositionProperty], cancellationToken: cancellationToken))
        {
            if (!seeded.Contains(leftover.RowKey)) await table.DeleteEntityAsync(RulePartition, leftover.RowKey, "*", cancellationToken);
        }

        try
        {
            await table.AddEntityAsync(SettingsEntity(RuleSettings.From(ruleSet)), cancellationToken);
            return true;
        }
        catch (TableConflictException)
        {
            return false; // another host finished first, with the same configuration
        }
    }

    /// <summary>Ids this store hands out (GUIDs and seed-N); anything else cannot name a stored rule.</summary>
    private static bool IsRuleId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static TableEntity RuleEntity(string id, RetentionRule rule) =>
        new(RulePartition, id) { [JsonProperty] = JsonSerializer.Serialize(rule, RuleSetJson.Options) };

    private static TableEntity SettingsEntity(RuleSettings settings) =>
        new(SettingsPartition, SettingsRow) { [JsonProperty] = JsonSerializer.Serialize(settings, RuleSetJson.Options) };

    private StoredRule ToRule(TableEntity entity) =>
        new(entity.RowKey, entity.ETag ?? string.Empty, Read<RetentionRule>(entity));

    private StoredRuleSettings ToSettings(TableEntity entity) =>
        new(entity.ETag, Read<RuleSettings>(entity));

    private T Read<T>(TableEntity entity)
    {
        var json = entity.GetString(JsonProperty);
        try
        {
            return (json is null ? default : JsonSerializer.Deserialize<T>(json, RuleSetJson.Options))
                   ?? throw new JsonException("it is empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException(
                $"The stored {typeof(T).Name} in table '{table.Name}' row '{entity.PartitionKey}/{entity.RowKey}' is unreadable: {ex.Message}", ex);
        }
    }
}
