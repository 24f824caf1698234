using Cleanup.Storage.Tables;
using Cleanup.Testing.Azurite;

namespace Cleanup.Storage.Tests.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class TableEntityLimitTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_oversized_string_property_is_refused_before_sending_naming_the_property_and_limit()
    {
        var account = azurite.CreateAccount(RequestLog.Options(out var log));
        var table = account.GetTableClient(azurite.NewTablePrefix());
        var entity = new TableEntity("p", "r") { ["Overview"] = new string('x', 32 * 1024 + 1) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(entity));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertEntityAsync(entity));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([new(TableTransactionActionType.Add, entity)]));

        Assert.Contains("'Overview'", error.Message);
        Assert.Contains("32768", error.Message);
        Assert.Equal(0, log.Count);
    }

    [Fact]
    public async Task A_string_at_the_limit_is_accepted_by_the_service()
    {
        var table = azurite.CreateAccount().GetTableClient(azurite.NewTablePrefix());
        await table.CreateIfNotExistsAsync();

        await table.AddEntityAsync(new TableEntity("p", "r") { ["Overview"] = new string('é', 32 * 1024) });

        Assert.Equal(32 * 1024, (await table.GetEntityAsync("p", "r"))!.GetString("Overview")!.Length);
    }

    [Fact]
    public void An_entity_over_one_mebibyte_is_refused_naming_the_limit()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 20; i++) entity[$"Chunk{i}"] = new string('x', 30_000); // each fine, together ~1.2 MB

        var error = Assert.Throws<ArgumentException>(() => TableEntityJson.Serialize(entity));

        Assert.Contains("1 MiB", error.Message);
        Assert.Contains("RowKey \"r\"", error.Message);
    }

    [Fact]
    public void Oversized_binary_and_too_many_properties_are_refused()
    {
        var binary = new TableEntity("p", "r") { ["Poster"] = new byte[64 * 1024 + 1] };
        var wide = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++) wide[$"P{i}"] = i;

        var binaryError = Assert.Throws<ArgumentException>(() => TableEntityJson.Serialize(binary));
        var wideError = Assert.Throws<ArgumentException>(() => TableEntityJson.Serialize(wide));

        Assert.Contains("'Poster'", binaryError.Message);
        Assert.Contains("65536", binaryError.Message);
        Assert.Contains("253 properties", wideError.Message);
        Assert.Contains("252", wideError.Message);
        wide.Remove("P0");
        TableEntityJson.Serialize(wide);
    }

    [Fact]
    public void Unsupported_values_and_reserved_or_odd_names_are_refused_when_set()
    {
        var entity = new TableEntity("p", "r");

        Assert.Contains("Decimal", Assert.Throws<ArgumentException>(() => entity["Price"] = 1.5m).Message);
        Assert.Contains("DateTime", Assert.Throws<ArgumentException>(() => entity["When"] = DateTime.UtcNow).Message);
        Assert.Contains("RowKey", Assert.Throws<ArgumentException>(() => entity["RowKey"] = "x").Message);
        Assert.Contains("Timestamp", Assert.Throws<ArgumentException>(() => entity["Timestamp"] = DateTimeOffset.UtcNow).Message);
        Assert.Contains("'a b'", Assert.Throws<ArgumentException>(() => entity["a b"] = 1).Message);
        Assert.Contains("'1st'", Assert.Throws<ArgumentException>(() => entity["1st"] = 1).Message);
        Assert.Equal(0, entity.Count);
    }

    [Fact]
    public void Typed_getters_widen_numbers_and_name_the_property_on_a_type_mismatch()
    {
        var entity = new TableEntity("p", "r") { ["Count"] = 3, ["Name"] = "x" };

        Assert.Equal(3L, entity.GetInt64("Count"));
        Assert.Equal(3.0, entity.GetDouble("Count"));
        Assert.Null(entity.GetGuid("Missing"));
        var error = Assert.Throws<InvalidCastException>(() => entity.GetGuid("Name"));
        Assert.Contains("'Name'", error.Message);
        entity["Name"] = null;
        Assert.False(entity.ContainsKey("Name"));
    }
}
