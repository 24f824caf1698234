namespace Cleanup.Storage.Tables;

/// <summary>
/// Table Storage's entity limits, checked before sending so an oversized entity fails with a message that names
/// the property and the limit instead of a bare 400 from the service.
/// </summary>
internal static class TableEntityLimits
{
    public const int MaxCustomProperties = 252;   // 255 including PartitionKey, RowKey and Timestamp
    public const int MaxStringChars = 32 * 1024;  // 64 KiB as UTF-16
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxEntityBytes = 1024 * 1024;

    private static readonly DateTimeOffset MinDate = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <exception cref="ArgumentException">A key, property or the whole entity breaks a limit; the message says which.</exception>
    public static void Validate(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKey.Validate(entity.PartitionKey, "PartitionKey");
        TableKey.Validate(entity.RowKey, "RowKey");
        var where = $"entity (PartitionKey \"{TableKey.Printable(entity.PartitionKey)}\", RowKey \"{TableKey.Printable(entity.RowKey)}\")";

        if (entity.Count > MaxCustomProperties)
            throw new ArgumentException(
                $"The {where} has {entity.Count} properties; Table Storage allows at most {MaxCustomProperties} besides PartitionKey, RowKey and Timestamp.",
                nameof(entity));

        // The service's documented size estimate: 4 + 2·len(keys) + Σ(8 + 2·len(name) + size(value)).
        long size = 4 + 2L * (entity.PartitionKey.Length + entity.RowKey.Length);
        foreach (var (name, value) in entity.Properties)
        {
            switch (value)
            {
                case string s when s.Length > MaxStringChars:
                    throw new ArgumentException(
                        $"Property '{name}' of the {where} is a string of {s.Length} characters; Table Storage allows at most {MaxStringChars} (64 KiB as UTF-16).",
                        nameof(entity));
                case byte[] b when b.Length > MaxBinaryBytes:
                    throw new ArgumentException(
                        $"Property '{name}' of the {where} is {b.Length} bytes of binary; Table Storage allows at most {MaxBinaryBytes} (64 KiB).",
                        nameof(entity));
                case DateTimeOffset d when d < MinDate:
                    throw new ArgumentException(
                        $"Property '{name}' of the {where} is {d:O}; Table Storage dates start at 1601-01-01T00:00:00Z.", nameof(entity));
            }

            size += 8 + 2L * name.Length + ValueSize(value);
        }

        if (size > MaxEntityBytes)
            throw new ArgumentException(
                $"The {where} is about {size:N0} bytes with {entity.Count} properties; Table Storage allows at most {MaxEntityBytes:N0} bytes (1 MiB) per entity. The largest property is '{Largest(entity)}'.",
                nameof(entity));
    }

    /// <summary>The service also refuses a request body over 1 MiB for one entity (base64 binary grows by a third).</summary>
    public static void ValidatePayload(TableEntity entity, int jsonBytes)
    {
        if (jsonBytes > MaxEntityBytes)
            throw new ArgumentException(
                $"The entity (PartitionKey \"{TableKey.Printable(entity.PartitionKey)}\", RowKey \"{TableKey.Printable(entity.RowKey)}\") serializes to {jsonBytes:N0} bytes of JSON; Table Storage allows at most {MaxEntityBytes:N0} bytes (1 MiB) per entity. The largest property is '{Largest(entity)}'.",
                nameof(entity));
    }

    private static long ValueSize(object value) => value switch
    {
        string s => 2L * s.Length + 4,
        byte[] b => b.Length + 4L,
        bool => 1,
        int => 4,
        long or double or DateTimeOffset => 8,
        Guid => 16,
        _ => 0,
    };

    private static string Largest(TableEntity entity) =>
        entity.Properties.OrderByDescending(p => ValueSize(p.Value)).Select(p => p.Key).FirstOrDefault() ?? "(none)";
}
