using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Liaison.Domain.Policy;

/// <summary>One reason a policy document is refused: the rule it breaks, where, and why in both languages.</summary>
public sealed record PolicyProblem(string Rule, string Path, string Zh, string En, long? Line = null, string? File = null)
{
    /// <summary>"policy.json:5 backward.share: reason [rule]": file and line when known, the field, why, the rule.</summary>
    public string Message(bool english)
    {
        var line = Line is { } l ? (File is null ? (english ? $"line {l}" : $"第 {l} 行") : $"{File}:{l}") : File;
        var where = string.Join(" ", new[] { line, Path.Length > 0 ? Path : null }.Where(x => x is not null));
        return (where.Length > 0 ? where + ": " : "") + (english ? En : Zh) + $" [{Rule}]";
    }

    /// <summary>As every refusal's problem: the rule as the code, the path as the field, the whole message in each language.</summary>
    public Shared.Problem Common() => new(Path, Message(false), Message(true)) { Code = Rule, File = File, Line = Line };
}

/// <summary>
/// The policy as a JSON document: what <c>liaison policy show --json</c> prints and
/// <c>liaison policy set FILE</c> reads. A file may give only what differs from the default
/// (<see cref="ProgrammePolicy.Default"/>: the city's); everything it leaves out keeps it.
/// </summary>
public static class PolicyDocument
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(ProgrammePolicy policy) => JsonSerializer.Serialize(policy, Options);

    /// <summary>Reads a document over the year's default (<paramref name="defaults"/>; without it, the default of no known city); on any problem returns them and no policy.</summary>
    public static (ProgrammePolicy? Policy, IReadOnlyList<PolicyProblem> Problems) Parse(string json, Func<int, ProgrammePolicy>? defaults = null)
    {
        JsonNode? given;
        try
        {
            given = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            // Deserialising what was given, alone, finds unknown fields and wrong types with their line.
            JsonSerializer.Deserialize<ProgrammePolicy>(json, Options);
        }
        catch (JsonException e)
        {
            return (null, [Problem(e)]);
        }
        if (given is not JsonObject file || !file.TryGetPropertyValue("year", out var yearNode) || yearNode is null)
        {
            return (null, [new PolicyProblem("policy.year", "year", "缺少年度（year）：政策按年度制定", "the year is missing: a policy is set per year")]);
        }
        var year = yearNode.GetValue<int>();
        var merged = JsonNode.Parse(ToJson(defaults?.Invoke(year) ?? ProgrammePolicy.Default(year, null)))!.AsObject();
        Merge(merged, file);
        var policy = merged.Deserialize<ProgrammePolicy>(Options)!;
        var problems = PolicyValidation.Validate(policy);
        return problems.Count > 0 ? (null, problems) : (policy, []);
    }

    private static PolicyProblem Problem(JsonException e)
    {
        var path = (e.Path ?? "").TrimStart('$', '.');
        var line = e.LineNumber is { } l ? l + 1 : (long?)null;
        var unknown = e.Message.Contains("could not be mapped", StringComparison.Ordinal);
        if (unknown)
        {
            return new PolicyProblem("policy.field", path, "未知字段（拼写错误或不适用于本版本）", "unknown field (a typo, or not part of this version)", line);
        }
        if (EnumAt(path) is { } enumType)
        {
            // A value the program does not know: name the ones it does, as the document writes them.
            var allowed = string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName));
            return new PolicyProblem("policy.value", path, $"未知的取值，可用的取值为：{allowed}", $"unknown value; the allowed values are: {allowed}", line);
        }
        return new PolicyProblem("policy.syntax", path, "不是合法的 JSON，或值的类型不对：" + e.Message, "not valid JSON, or a value of the wrong type: " + e.Message, line);
    }

    /// <summary>The enumeration a path of the document holds (a field, or an item of a list), or null.</summary>
    private static Type? EnumAt(string path)
    {
        var type = typeof(ProgrammePolicy);
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket >= 0 ? part[..bracket] : part;
            if (name.Length > 0)
            {
                var property = type.GetProperties().FirstOrDefault(p => string.Equals(JsonNamingPolicy.CamelCase.ConvertName(p.Name), name, StringComparison.Ordinal));
                if (property is null)
                {
                    return null;
                }
                type = property.PropertyType;
            }
            for (var i = bracket; i >= 0 && i < part.Length; i = part.IndexOf('[', i + 1))
            {
                type = ItemOf(type) ?? type;
            }
        }
        type = Nullable.GetUnderlyingType(type) ?? type;
        // A list of values whose item went wrong: the path may stop at the list.
        type = ItemOf(type) ?? type;
        return type.IsEnum ? type : null;
    }

    private static Type? ItemOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;

    /// <summary>Objects merge field by field; anything else (numbers, lists) is replaced whole.</summary>
    private static void Merge(JsonObject into, JsonObject from)
    {
        foreach (var (key, value) in from.ToList())
        {
            if (value is JsonObject child && into[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                into[key] = value?.DeepClone();
            }
        }
    }
}
