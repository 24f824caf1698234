using System.Collections;

namespace Cleanup.Storage.Tables;

/// <summary>
/// One table row: PartitionKey, RowKey, the server's ETag and Timestamp, and a bag of typed properties.
/// Property values may be <see cref="string"/>, <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="DateTimeOffset"/>, <see cref="Guid"/> or <c>byte[]</c>; they are written with
/// their Edm type so they read back as the same CLR type. Setting a property to null removes it (Table Storage does
/// not store nulls; on a merge an absent property keeps its stored value).
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object>>
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "PartitionKey", "RowKey", "Timestamp", "ETag",
    };

    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    public string PartitionKey { get; set; }

    public string RowKey { get; set; }

    /// <summary>The server's version stamp (<c>W/"datetime'…'"</c>); pass it back verbatim as If-Match.</summary>
    public string? ETag { get; set; }

    /// <summary>Set by the server on every write; ignored when writing.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>The custom properties (not the keys, ETag or Timestamp).</summary>
    public IReadOnlyDictionary<string, object> Properties => _properties;

    public int Count => _properties.Count;

    /// <summary>A property value, or null when absent. Setting null removes the property.</summary>
    /// <exception cref="ArgumentException">The name is reserved or not identifier-like, or the value's type is not supported.</exception>
    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(name);
        set
        {
            ValidateName(name);
            if (value is null)
            {
                _properties.Remove(name);
                return;
            }

            if (!IsSupported(value))
                throw new ArgumentException(
                    $"Property '{name}' has type {value.GetType().Name}; table properties may be string, bool, int, long, double, DateTimeOffset, Guid or byte[].",
                    nameof(value));
            _properties[name] = value;
        }
    }

    public bool Remove(string name) => _properties.Remove(name);

    public bool ContainsKey(string name) => _properties.ContainsKey(name);

    public string? GetString(string name) => Get<string>(name);

    public bool? GetBoolean(string name) => GetStruct<bool>(name);

    public int? GetInt32(string name) => GetStruct<int>(name);

    /// <summary>An Int64 property (an Int32 value widens).</summary>
    public long? GetInt64(string name) => _properties.GetValueOrDefault(name) is int i ? i : GetStruct<long>(name);

    /// <summary>A Double property (integer values widen).</summary>
    public double? GetDouble(string name) => _properties.GetValueOrDefault(name) switch
    {
        int i => i,
        long l => l,
        _ => GetStruct<double>(name),
    };

    public DateTimeOffset? GetDateTimeOffset(string name) => GetStruct<DateTimeOffset>(name);

    public Guid? GetGuid(string name) => GetStruct<Guid>(name);

    public byte[]? GetBinary(string name) => Get<byte[]>(name);

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static bool IsSupported(object value) =>
        value is string or bool or int or long or double or DateTimeOffset or Guid or byte[];

    internal static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Reserved.Contains(name))
            throw new ArgumentException($"'{name}' is a system property; use the {name} member instead of the property bag.", nameof(name));
        if (name.Length is 0 or > 255 || !(char.IsLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsLetterOrDigit(c) || c == '_'))
            throw new ArgumentException(
                $"'{name}' is not a valid property name: use up to 255 letters, digits or underscores, not starting with a digit.", nameof(name));
    }

    /// <summary>Used by the reader, which trusts the service's names.</summary>
    internal void SetFromService(string name, object value) => _properties[name] = value;

    private T? Get<T>(string name)
        where T : class => _properties.GetValueOrDefault(name) switch
    {
        null => null,
        T value => value,
        var other => throw WrongType(name, other, typeof(T)),
    };

    private T? GetStruct<T>(string name)
        where T : struct => _properties.GetValueOrDefault(name) switch
    {
        null => null,
        T value => value,
        var other => throw WrongType(name, other, typeof(T)),
    };

    private static InvalidCastException WrongType(string name, object value, Type wanted) =>
        new($"Property '{name}' is {value.GetType().Name}, not {wanted.Name}.");
}
