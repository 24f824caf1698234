using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Cleanup.Storage.Pipeline;

namespace Cleanup.Storage.Tables;

/// <summary>
/// Operations on one table over the Table Storage REST API. Thread-safe; get one from
/// <see cref="StorageAccount.GetTableClient"/>. Failures throw <see cref="TableRequestException"/>, lost optimistic
/// concurrency throws <see cref="TableConflictException"/>, bad keys or oversized entities throw
/// <see cref="ArgumentException"/> before anything is sent.
/// </summary>
public sealed class TableClient
{
    private const string JsonAccept = "application/json;odata=minimalmetadata";
    private static readonly RequestMethod Merge = new("MERGE");

    private readonly HttpPipeline _pipeline;
    private readonly string _endpoint;

    internal TableClient(HttpPipeline pipeline, Uri endpoint, string tableName)
    {
        TableName.Validate(tableName);
        _pipeline = pipeline;
        _endpoint = endpoint.AbsoluteUri.TrimEnd('/');
        Name = tableName;
    }

    public string Name { get; }

    /// <summary>Creates the table; true if created, false if it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Post, "/Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJson(message, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204) return true;
        var error = StorageError.From(response);
        if (response.Status == 409 && error.Code == "TableAlreadyExists") return false;
        throw Failure($"Create table '{Name}'", response.Status, error);
    }

    /// <summary>Deletes the table and everything in it; false if it did not exist.</summary>
    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, $"/Tables('{Name}')");
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 204) return true;
        if (response.Status == 404) return false;
        throw Failure($"Delete table '{Name}'", response.Status, StorageError.From(response));
    }

    /// <summary>Inserts a new entity and returns its ETag.</summary>
    /// <exception cref="TableConflictException">An entity with these keys exists (409 EntityAlreadyExists).</exception>
    public async Task<string> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        var body = TableEntityJson.Serialize(entity);
        using var message = CreateMessage(RequestMethod.Post, "/" + Name);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJson(message, body);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204) return ETagOf(response);
        throw Failure($"Insert {Describe(entity)}", response.Status, StorageError.From(response));
    }

    /// <summary>Inserts, or merges into / replaces an existing entity, unconditionally. Returns the new ETag.</summary>
    public Task<string> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) =>
        WriteAsync(entity, mode, ifMatch: null, cancellationToken);

    /// <summary>
    /// Merges into or replaces an existing entity if its ETag still equals <paramref name="ifMatch"/> ("*" = any
    /// version). Returns the new ETag.
    /// </summary>
    /// <exception cref="TableConflictException">The entity changed since it was read (412).</exception>
    /// <exception cref="TableRequestException">The entity does not exist (404 ResourceNotFound).</exception>
    public Task<string> UpdateEntityAsync(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return WriteAsync(entity, mode, ifMatch, cancellationToken);
    }

    private async Task<string> WriteAsync(TableEntity entity, TableUpdateMode mode, string? ifMatch, CancellationToken cancellationToken)
    {
        var body = TableEntityJson.Serialize(entity);
        using var message = CreateMessage(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, TableKey.EntityPath(Name, entity.PartitionKey, entity.RowKey));
        if (ifMatch is not null) message.Request.Headers.SetValue("If-Match", ifMatch);
        SetJson(message, body);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 204 or 200) return ETagOf(response);
        var verb = (ifMatch is null ? "Upsert" : "Update") + (mode == TableUpdateMode.Merge ? " (merge)" : " (replace)");
        throw Failure($"{verb} {Describe(entity)}", response.Status, StorageError.From(response));
    }

    /// <summary>Reads one entity; null if it does not exist. <paramref name="select"/> limits the properties returned.</summary>
    public async Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        TableKey.Validate(partitionKey, "PartitionKey");
        TableKey.Validate(rowKey, "RowKey");
        var query = Select(select) is { } s ? "?$select=" + Uri.EscapeDataString(s) : "";
        using var message = CreateMessage(RequestMethod.Get, TableKey.EntityPath(Name, partitionKey, rowKey) + query);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 200)
        {
            using var json = JsonDocument.Parse(response.Content.ToMemory());
            return TableEntityJson.Deserialize(json.RootElement, ETagOrNull(response));
        }

        var error = StorageError.From(response);
        if (response.Status == 404 && error.Code != "TableNotFound") return null;
        throw Failure($"Get {Describe(partitionKey, rowKey)}", response.Status, error);
    }

    /// <summary>
    /// Deletes one entity if its ETag equals <paramref name="ifMatch"/> ("*" = unconditionally). True if deleted,
    /// false if it did not exist.
    /// </summary>
    /// <exception cref="TableConflictException">The entity changed since it was read (412).</exception>
    public async Task<bool> DeleteEntityAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default)
    {
        TableKey.Validate(partitionKey, "PartitionKey");
        TableKey.Validate(rowKey, "RowKey");
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        using var message = CreateMessage(RequestMethod.Delete, TableKey.EntityPath(Name, partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 204) return true;
        var error = StorageError.From(response);
        if (response.Status == 404 && error.Code != "TableNotFound") return false;
        throw Failure($"Delete {Describe(partitionKey, rowKey)}", response.Status, error);
    }

    /// <summary>
    /// Every entity matching <paramref name="filter"/> (build it with <see cref="TableFilter.Create"/>), following
    /// continuation tokens until the service has no more, in PartitionKey/RowKey order.
    /// <paramref name="select"/> limits the properties (keys are always returned); <paramref name="maxPerPage"/> is
    /// $top per request (at most 1000).
    /// </summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter = null,
        IEnumerable<string>? select = null,
        int? maxPerPage = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var selected = select?.ToList();
        TableContinuationToken? continuation = null;
        do
        {
            var page = await QueryPageAsync(filter, selected, maxPerPage, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Entities) yield return entity;
            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    /// <summary>One page of a query, for callers that hand continuation tokens to their own callers.</summary>
    public async Task<TableQueryPage> QueryPageAsync(
        string? filter = null,
        IEnumerable<string>? select = null,
        int? top = null,
        TableContinuationToken? continuation = null,
        CancellationToken cancellationToken = default)
    {
        if (top is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(top), top, "$top must be between 1 and 1000.");
        var query = new List<string>();
        if (!string.IsNullOrEmpty(filter)) query.Add("$filter=" + Uri.EscapeDataString(filter));
        if (Select(select) is { } s) query.Add("$select=" + Uri.EscapeDataString(s));
        if (top is not null) query.Add("$top=" + top.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (continuation is not null)
        {
            query.Add("NextPartitionKey=" + Uri.EscapeDataString(continuation.NextPartitionKey));
            if (continuation.NextRowKey is not null) query.Add("NextRowKey=" + Uri.EscapeDataString(continuation.NextRowKey));
        }

        using var message = CreateMessage(RequestMethod.Get, $"/{Name}()" + (query.Count > 0 ? "?" + string.Join("&", query) : ""));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw Failure($"Query table '{Name}'", response.Status, StorageError.From(response));

        var entities = new List<TableEntity>();
        using (var json = JsonDocument.Parse(response.Content.ToMemory()))
        {
            if (json.RootElement.TryGetProperty("value", out var values))
            {
                foreach (var item in values.EnumerateArray()) entities.Add(TableEntityJson.Deserialize(item));
            }
        }

        TableContinuationToken? next = null;
        if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPk) && !string.IsNullOrEmpty(nextPk))
        {
            response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRk);
            next = new TableContinuationToken(nextPk, string.IsNullOrEmpty(nextRk) ? null : nextRk);
        }

        return new TableQueryPage(entities, next);
    }

    /// <summary>
    /// Runs up to 100 actions on one partition as one all-or-nothing entity group transaction. Returns the new ETag
    /// of each action in order (null for deletes).
    /// </summary>
    /// <exception cref="ArgumentException">Empty, more than 100 actions, several partitions, a repeated RowKey, or an invalid entity.</exception>
    /// <exception cref="TableConflictException">An action lost optimistic concurrency; nothing was applied. See <see cref="TableRequestException.FailedActionIndex"/>.</exception>
    /// <exception cref="TableRequestException">An action failed; nothing was applied. See <see cref="TableRequestException.FailedActionIndex"/>.</exception>
    public async Task<IReadOnlyList<string?>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        var batch = TableTransaction.Build(_endpoint, Name, list);
        using var message = CreateMessage(RequestMethod.Post, "/$batch");
        message.Request.Headers.SetValue("Content-Type", batch.ContentType);
        message.Request.Content = RequestContent.Create(batch.Body);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        var operation = $"Transaction of {list.Count} actions on partition \"{TableKey.Printable(list[0].Entity.PartitionKey)}\" of table '{Name}'";
        if (response.Status != 202) throw Failure(operation, response.Status, StorageError.From(response));

        var result = TableTransaction.ParseResponse(response, list.Count);
        if (result.Failure is { } failure)
            throw Failure(operation, failure.Status, failure.Error, failure.ActionIndex);
        return result.ETags;
    }

    private HttpMessage CreateMessage(RequestMethod method, string pathAndQuery)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        // The path is already escaped (keys via TableKey.Escape); Uri keeps it as is, so the signature covers what is sent.
        request.Uri.Reset(new Uri(_endpoint + pathAndQuery));
        request.Headers.SetValue("Accept", JsonAccept);
        request.Headers.SetValue("DataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void SetJson(HttpMessage message, byte[] body)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(body);
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }



    private static string ETagOf(Response response) => ETagOrNull(response) ?? "";

    // The raw header: table ETags are weak (W/"datetime'…'") and must be echoed back verbatim.
    internal static string? ETagOrNull(Response response) => response.Headers.TryGetValue("ETag", out var etag) ? etag : null;

    private static string? Select(IEnumerable<string>? select)
    {
        if (select is null) return null;
        var names = select.ToList();
        if (names.Count == 0) return null;
        foreach (var name in names)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp")) TableEntity.ValidateName(name);
        }

        // Keys are always selected so every returned entity can be written back or deleted.
        return string.Join(",", new[] { "PartitionKey", "RowKey" }.Concat(names).Distinct(StringComparer.Ordinal));
    }

    private string Describe(TableEntity entity) => Describe(entity.PartitionKey, entity.RowKey);

    private string Describe(string partitionKey, string rowKey) =>
        $"entity (PartitionKey \"{TableKey.Printable(partitionKey)}\", RowKey \"{TableKey.Printable(rowKey)}\") in table '{Name}'";

    private static TableRequestException Failure(string operation, int status, StorageError error, int? actionIndex = null) =>
        TableConflictException.IsConflict(status, error.Code)
            ? new TableConflictException(operation, status, error.Code, error.FirstLine, actionIndex)
            : new TableRequestException(operation, status, error.Code, error.FirstLine, actionIndex);
}
