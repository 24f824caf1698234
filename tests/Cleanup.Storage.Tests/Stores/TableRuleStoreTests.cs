using Cleanup.Engine.Ports;
using Cleanup.Engine.Rules;
using Cleanup.Storage.Stores;
using Cleanup.Storage.Tables;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Stores;

[Collection(AzuriteFixture.Collection)]
public sealed class TableRuleStoreTests(AzuriteFixture azurite)
{
    private async Task<(TableRuleStore Store, TableClient Table)> NewStoreAsync()
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix() + TableRuleStore.TableName);
        await table.CreateIfNotExistsAsync();
        return (new TableRuleStore(table), table);
    }

    private static string Json(RuleSet ruleSet) => RuleSetJson.Serialize(ruleSet);

    [Fact]
    public async Task Seeding_stores_the_rule_set_once_and_never_again()
    {
        var (store, _) = await NewStoreAsync();

        Assert.True(await store.SeedAsync(RuleSamples.Full, default));
        Assert.False(await store.SeedAsync(RuleSet.Default, default));

        var loaded = await store.LoadAsync(default);
        Assert.Equal(Json(RuleSamples.Full), Json(loaded.ToRuleSet()));
        Assert.NotNull(loaded.Settings.ETag);
        Assert.All(loaded.Rules, r => Assert.False(string.IsNullOrEmpty(r.ETag)));
    }

    [Fact]
    public async Task Seeding_does_not_come_back_after_the_owner_deleted_every_rule()
    {
        var (store, _) = await NewStoreAsync();
        await store.SeedAsync(RuleSet.Default, default);
        foreach (var rule in (await store.LoadAsync(default)).Rules) Assert.True(await store.DeleteAsync(rule.Id, rule.ETag, default));

        Assert.False(await store.SeedAsync(RuleSet.Default, default));
        Assert.Empty((await store.LoadAsync(default)).Rules);
    }

    [Fact]
    public async Task A_seed_that_stopped_half_way_is_finished_without_leftovers()
    {
        var (store, table) = await NewStoreAsync();
        // What a first start leaves when it stops after writing rules but before the settings.
        await table.UpsertEntityAsync(new TableEntity("rule", "seed-9") { ["Json"] = """{"type":"tag","name":"left over","tags":["x"]}""", ["Position"] = 8L });

        Assert.True(await store.SeedAsync(RuleSet.Default, default));

        var loaded = await store.LoadAsync(default);
        Assert.Equal(Json(RuleSet.Default), Json(loaded.ToRuleSet()));
    }

    [Fact]
    public async Task Before_seeding_the_settings_are_the_defaults_without_an_etag()
    {
        var (store, _) = await NewStoreAsync();

        var loaded = await store.LoadAsync(default);

        Assert.Empty(loaded.Rules);
        Assert.Null(loaded.Settings.ETag);
        Assert.Equal(Json(RuleSet.Default with { Rules = [] }), Json(loaded.ToRuleSet()));
    }

    [Fact]
    public async Task Every_rule_type_round_trips_and_keeps_its_place_in_the_list()
    {
        var (store, _) = await NewStoreAsync();
        var added = new List<StoredRule>();
        foreach (var rule in RuleSamples.EveryType) added.Add(await store.AddAsync(rule, default));

        foreach (var (stored, original) in added.Zip(RuleSamples.EveryType))
        {
            var read = await store.GetAsync(stored.Id, default);
            Assert.NotNull(read);
            Assert.Equal(original.GetType(), read.Rule.GetType());
            Assert.Equal(stored.ETag, read.ETag);
            Assert.Equal(Json(new RuleSet { Rules = [original] }), Json(new RuleSet { Rules = [read.Rule] }));
        }

        // Replacing the first rule must not move it to the end.
        var replaced = await store.ReplaceAsync(added[0].Id, RuleSamples.EveryType[0] with { Name = "Kids (renamed)" }, added[0].ETag, default);
        Assert.NotNull(replaced);
        var loaded = await store.LoadAsync(default);
        Assert.Equal(added.Select(a => a.Id), loaded.Rules.Select(r => r.Id));
        Assert.Equal("Kids (renamed)", loaded.Rules[0].Rule.Name);
    }

    [Fact]
    public async Task Etags_from_a_load_work_as_if_match()
    {
        var (store, _) = await NewStoreAsync();
        await store.SeedAsync(RuleSet.Default, default);
        var loaded = await store.LoadAsync(default);

        var replaced = await store.ReplaceAsync(loaded.Rules[0].Id, loaded.Rules[0].Rule with { Name = "Keep" }, loaded.Rules[0].ETag, default);
        var settings = await store.ReplaceSettingsAsync(loaded.Settings.Settings, loaded.Settings.ETag!, default);

        Assert.NotNull(replaced);
        Assert.NotEqual(loaded.Rules[0].ETag, replaced.ETag);
        Assert.NotEqual(loaded.Settings.ETag, settings.ETag);
    }

    [Fact]
    public async Task Writing_with_a_stale_etag_is_a_concurrency_conflict_and_changes_nothing()
    {
        var (store, _) = await NewStoreAsync();
        var first = await store.AddAsync(RuleSamples.EveryType[0], default);
        var second = await store.ReplaceAsync(first.Id, RuleSamples.EveryType[0] with { Name = "second" }, first.ETag, default);

        await Assert.ThrowsAsync<RuleConcurrencyException>(() => store.ReplaceAsync(first.Id, RuleSamples.EveryType[0] with { Name = "stale" }, first.ETag, default));
        await Assert.ThrowsAsync<RuleConcurrencyException>(() => store.DeleteAsync(first.Id, first.ETag, default));

        var stored = await store.GetAsync(first.Id, default);
        Assert.Equal("second", stored!.Rule.Name);
        Assert.Equal(second!.ETag, stored.ETag);
    }

    [Fact]
    public async Task Replacing_settings_with_a_stale_etag_is_a_concurrency_conflict()
    {
        var (store, _) = await NewStoreAsync();
        await store.SeedAsync(RuleSet.Default, default);
        var read = (await store.LoadAsync(default)).Settings;
        var changed = read.Settings with { DiskSpace = new() { Enabled = true, MinimumFreeGb = 10 } };
        await store.ReplaceSettingsAsync(changed, read.ETag!, default);

        await Assert.ThrowsAsync<RuleConcurrencyException>(() => store.ReplaceSettingsAsync(read.Settings, read.ETag!, default));
        Assert.True((await store.LoadAsync(default)).Settings.Settings.DiskSpace.Enabled);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("no/such#rule?")]
    public async Task An_unknown_rule_is_absent_not_an_error(string id)
    {
        var (store, _) = await NewStoreAsync();
        await store.SeedAsync(RuleSet.Default, default);

        Assert.Null(await store.GetAsync(id, default));
        Assert.Null(await store.ReplaceAsync(id, RuleSamples.EveryType[0], "*", default));
        Assert.False(await store.DeleteAsync(id, "*", default));
    }
}
