using System.Globalization;
using System.Text.Json;
using Liaison.Domain.Policy;

namespace Liaison.Domain.Shared;

/// <summary>
/// One field of an audit entry that changed: its key (a path, <c>tie.kind</c> read as <c>kind</c>),
/// its name, and the value before and after in people's words. <see cref="Before"/> is null when the
/// entry has no before (a record made), <see cref="After"/> when the field is gone after.
/// </summary>
public sealed record AuditChange(string Field, Term Name, Term? Before, Term? After);

/// <summary>
/// The readable difference of an audit entry's before and after, as stored (personal data masked
/// as it was written): each field whose value changed, unchanged ones left out; with no before,
/// every field the after gives. Nested objects are read field by field; a record wrapped in one
/// field of the after (<c>{"tie": {...}, "reason": ...}</c>) is compared with the before's fields.
/// </summary>
public static class AuditDiff
{
    /// <summary>The fields of an after that hold the record itself rather than a field of it.</summary>
    private static readonly string[] Envelopes = ["tie"];

    private const int ListedItems = 5;

    public static IReadOnlyList<AuditChange> Of(string entity, string? before, string? after, CaseRules? rules = null)
    {
        var old = Flatten(before);
        var now = Flatten(after) ?? [];
        var changes = new List<AuditChange>();
        foreach (var (key, (path, value)) in now)
        {
            if (old is not null && old.TryGetValue(key, out var was))
            {
                if (was.Value.GetRawText() != value.GetRawText())
                {
                    changes.Add(new(path, Name(path), Show(entity, key, was.Value, rules), Show(entity, key, value, rules)));
                }
            }
            else if (!Empty(value))
            {
                changes.Add(new(path, Name(path), old is null ? null : Gone, Show(entity, key, value, rules)));
            }
        }
        foreach (var (key, (path, was)) in old ?? [])
        {
            if (!now.ContainsKey(key) && !Empty(was))
            {
                changes.Add(new(path, Name(path), Show(entity, key, was, rules), now.Count == 0 ? null : Gone));
            }
        }
        return changes;
    }

    private static bool Empty(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0);

    /// <summary>Nothing: a value absent on one side, or null.</summary>
    public static Term Gone { get; } = Term.Same("—");

    /// <summary>A path's name: each part by its field name (按层级 · city).</summary>
    private static Term Name(string path)
    {
        if (path.Length == 0)
        {
            return Words.Value;
        }
        var parts = path.Split('.').Select(AuditWords.Field).ToList();
        return parts.Count == 1 ? parts[0] : new(string.Join(" · ", parts.Select(p => p.Zh)), string.Join(" · ", parts.Select(p => p.En)));
    }

    /// <summary>
    /// The fields of a stored before or after (null when there is none), by their key (a path of
    /// <see cref="AuditWords.FieldKey"/>s, so that cadreId in the before meets cadre in the after)
    /// with the path as written. A JSON text stored as a string (a policy document) is read as the
    /// document; a value that is not an object is one field.
    /// </summary>
    private static Dictionary<string, (string Path, JsonElement Value)>? Flatten(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        JsonElement root;
        try
        {
            using (var doc = JsonDocument.Parse(json))
            {
                root = doc.RootElement.Clone();
            }
            if (root.ValueKind == JsonValueKind.String && root.GetString() is { } inner && inner.TrimStart().StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(inner);
                root = doc.RootElement.Clone();
            }
        }
        catch (JsonException)
        {
            root = JsonSerializer.SerializeToElement(json);
        }
        var fields = new Dictionary<string, (string, JsonElement)>(StringComparer.Ordinal);
        if (root.ValueKind == JsonValueKind.Object)
        {
            Add(fields, "", "", root);
        }
        else
        {
            fields[""] = ("", root);
        }
        return fields;
    }

    private static void Add(Dictionary<string, (string, JsonElement)> fields, string keyPrefix, string pathPrefix, JsonElement obj)
    {
        foreach (var p in obj.EnumerateObject())
        {
            var key = AuditWords.FieldKey(p.Name);
            if (p.Value.ValueKind == JsonValueKind.Object)
            {
                if (keyPrefix.Length == 0 && Envelopes.Contains(key))
                {
                    Add(fields, "", "", p.Value);
                }
                else
                {
                    Add(fields, Join(keyPrefix, key), Join(pathPrefix, p.Name), p.Value);
                }
            }
            else
            {
                fields[Join(keyPrefix, key)] = (Join(pathPrefix, p.Name), p.Value);
            }
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    /// <summary>A value in people's words: an enumeration by its name, yes or no, a moment in China time, a list shortened.</summary>
    private static Term Show(string entity, string path, JsonElement value, CaseRules? rules)
    {
        var field = path[(path.LastIndexOf('.') + 1)..];
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return Gone;
            case JsonValueKind.True:
                return Words.Yes;
            case JsonValueKind.False:
                return Words.No;
            case JsonValueKind.Array:
                return List(entity, field, value, rules);
            case JsonValueKind.Object:
                return Term.Same(value.GetRawText());
            default:
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                if (AuditWords.Value(entity, field, text, rules) is { } named)
                {
                    return named;
                }
                if (value.ValueKind == JsonValueKind.String && text.Contains('T', StringComparison.Ordinal)
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                {
                    return Term.Same(ChinaTime.Format(at));
                }
                return Term.Same(text);
        }
    }

    private static Term List(string entity, string field, JsonElement array, CaseRules? rules)
    {
        var n = array.GetArrayLength();
        if (n == 0)
        {
            return Gone;
        }
        if (array.EnumerateArray().Any(e => e.ValueKind is JsonValueKind.Object or JsonValueKind.Array))
        {
            return new($"{n} 项", n == 1 ? "1 item" : $"{n} items");
        }
        var shown = array.EnumerateArray().Take(ListedItems).Select(e => Show(entity, field, e, rules)).ToList();
        var zh = string.Join(Words.ListSeparator.Zh, shown.Select(t => t.Zh));
        var en = string.Join(Words.ListSeparator.En, shown.Select(t => t.En));
        return n <= ListedItems ? new(zh, en) : new($"{zh} 等 {n} 项", $"{en} … ({n} in all)");
    }
}
