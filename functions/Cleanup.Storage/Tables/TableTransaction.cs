using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using Cleanup.Storage.Pipeline;

namespace Cleanup.Storage.Tables;

/// <summary>
/// The multipart/mixed body of an entity group transaction (POST $batch) and the parsing of its response.
/// Only the outer request is signed; each inner request carries an absolute URL and its own headers.
/// </summary>
internal static partial class TableTransaction
{
    public const int MaxActions = 100;
    public const int MaxPayloadBytes = 4 * 1024 * 1024;

    public sealed record Request(string ContentType, byte[] Body);

    public sealed record Failed(int Status, StorageError Error, int? ActionIndex);

    public sealed record Result(IReadOnlyList<string?> ETags, Failed? Failure);

    public static Request Build(string endpoint, string table, IReadOnlyList<TableTransactionAction> actions)
    {
        Validate(actions);
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");

        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));

        Write($"--{batch}\r\nContent-Type: multipart/mixed; boundary={changeset}\r\n\r\n");
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var (method, path, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", "/" + table, null, true),
                TableTransactionActionType.UpsertMerge => ("MERGE", TableKey.EntityPath(table, entity.PartitionKey, entity.RowKey), null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", TableKey.EntityPath(table, entity.PartitionKey, entity.RowKey), null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", TableKey.EntityPath(table, entity.PartitionKey, entity.RowKey), action.IfMatch ?? "*", true),
                TableTransactionActionType.UpdateReplace => ("PUT", TableKey.EntityPath(table, entity.PartitionKey, entity.RowKey), action.IfMatch ?? "*", true),
                TableTransactionActionType.Delete => ("DELETE", TableKey.EntityPath(table, entity.PartitionKey, entity.RowKey), action.IfMatch ?? "*", false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action."),
            };

            Write($"--{changeset}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            Write($"{method} {endpoint}{path} HTTP/1.1\r\n");
            Write("Accept: application/json;odata=minimalmetadata\r\n");
            Write("DataServiceVersion: 3.0;\r\n");
            if (method == "POST") Write("Prefer: return-no-content\r\n");
            if (ifMatch is not null) Write($"If-Match: {ifMatch}\r\n");
            if (hasBody)
            {
                // Serialize validates the entity's limits; the JSON is a single line, as Azurite's parser requires.
                var json = TableEntityJson.Serialize(entity);
                Write("Content-Type: application/json\r\n\r\n");
                body.Write(json);
                Write("\r\n");
            }
            else
            {
                Write("\r\n");
            }
        }

        Write($"--{changeset}--\r\n\r\n--{batch}--\r\n");
        if (body.Length > MaxPayloadBytes)
            throw new ArgumentException(
                $"The transaction of {actions.Count} actions is {body.Length:N0} bytes; Table Storage allows at most {MaxPayloadBytes:N0} bytes (4 MiB) per transaction. Split it.",
                nameof(actions));
        return new Request($"multipart/mixed; boundary={batch}", body.ToArray());
    }

    private static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0) throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        if (actions.Count > MaxActions)
            throw new ArgumentException($"A transaction holds at most {MaxActions} actions; got {actions.Count}. Split it.", nameof(actions));

        var partition = actions[0].Entity?.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i]?.Entity ?? throw new ArgumentException($"Transaction action {i} has no entity.", nameof(actions));
            TableKey.Validate(entity.PartitionKey, "PartitionKey");
            TableKey.Validate(entity.RowKey, "RowKey");
            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
                throw new ArgumentException(
                    $"All actions of a transaction must share one PartitionKey: action 0 has \"{TableKey.Printable(partition!)}\", action {i} has \"{TableKey.Printable(entity.PartitionKey)}\".",
                    nameof(actions));
            if (!rows.Add(entity.RowKey))
                throw new ArgumentException(
                    $"Transaction action {i} repeats RowKey \"{TableKey.Printable(entity.RowKey)}\"; each entity may appear once per transaction.",
                    nameof(actions));
        }
    }

    /// <summary>
    /// Reads the inner responses. On failure the service returns a single inner error whose message starts with the
    /// zero-based index of the failing action ("1:The specified entity already exists.").
    /// </summary>
    public static Result ParseResponse(Response response, int actionCount)
    {
        var text = response.Content.ToString();
        var etags = new List<string?>();
        foreach (Match part in InnerResponse().Matches(text))
        {
            var status = int.Parse(part.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var headers = ParseHeaders(part.Groups["headers"].Value);
            if (status is >= 200 and < 300)
            {
                etags.Add(headers.GetValueOrDefault("ETag"));
                continue;
            }

            var body = part.Groups["body"].Value;
            var error = StorageError.Parse(headers.GetValueOrDefault("x-ms-error-code"), Encoding.UTF8.GetBytes(body));
            int? index = null;
            if (error.Message is { } message && IndexPrefix().Match(message) is { Success: true } m)
            {
                index = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                error = error with { Message = message[m.Length..] };
            }
            else if (headers.TryGetValue("Content-ID", out var contentId) && int.TryParse(contentId, out var id))
            {
                index = id - 1;
            }

            if (index is not null && (index < 0 || index >= actionCount)) index = null;
            return new Result(etags, new Failed(status, error, index));
        }

        if (etags.Count != actionCount)
            return new Result(etags, new Failed(response.Status, new StorageError(null, $"the service answered {etags.Count} of {actionCount} actions"), null));
        return new Result(etags, null);
    }

    private static Dictionary<string, string> ParseHeaders(string block)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in block.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return headers;
    }

    // "HTTP/1.1 204 No Content", its header lines, a blank line, then the body up to the next response boundary
    // (Azure and Azurite both name them "changesetresponse_…" / "batchresponse_…").
    [GeneratedRegex(@"HTTP/1\.1 (?<status>\d{3})[^\r\n]*\r?\n(?<headers>(?:[^\r\n]+\r?\n)*)\r?\n(?<body>.*?)(?=(?:\r?\n)?--\w*response_|\z)", RegexOptions.Singleline)]
    private static partial Regex InnerResponse();

    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex IndexPrefix();
}
