using System.Reflection;
using System.Text.RegularExpressions;
using Liaison.Domain.Shared;

namespace Liaison.App.Tests;

/// <summary>
/// Decision 0018: every text in both languages has one home. A pair written out where it is shown
/// (<c>Ui.T("…", "…")</c>, <c>run.Say</c>, <c>new Term</c>) is used there only; text needed in two
/// places lives in <see cref="Words"/>, and is never written out beside it.
/// </summary>
public partial class TextTests
{
    [GeneratedRegex("""(?<![\w$])(?:Ui\.T|Say|T|new Term)\("([^"\\{}]*)", "([^"\\{}]*)"\)""")]
    private static partial Regex Pair();

    private static string Repo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Liaison.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("the repository (Liaison.slnx) is not above " + AppContext.BaseDirectory);
    }

    /// <summary>Every pair written out in the sources, with where.</summary>
    private static List<((string Zh, string En) Pair, string Where)> Written()
    {
        var src = Path.Combine(Repo(), "src");
        var found = new List<((string, string), string)>();
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match m in Pair().Matches(lines[i]))
                {
                    found.Add(((m.Groups[1].Value, m.Groups[2].Value), $"{Path.GetRelativePath(src, file)}:{i + 1}"));
                }
            }
        }
        return found;
    }

    private static Dictionary<string, Term> Catalogue() =>
        typeof(Words).GetProperties(BindingFlags.Public | BindingFlags.Static).ToDictionary(p => p.Name, p => (Term)p.GetValue(null)!);

    [Fact]
    public void The_sources_write_pairs_out_the_scanner_can_see()
    {
        // The scan must see what it checks: hundreds of one-off pairs (and none of the catalogue's).
        Assert.True(Written().Count > 300);
    }

    [Fact]
    public void A_pair_is_written_out_in_one_place_only_and_never_beside_its_entry_in_Words()
    {
        var written = Written();
        var catalogued = Catalogue().ToDictionary(kv => (kv.Value.Zh, kv.Value.En), kv => kv.Key);
        var twice = written.GroupBy(w => w.Pair).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Zh} / {g.Key.En}: {string.Join(", ", g.Select(w => w.Where))} — give it one home in Words").ToList();
        var beside = written.Where(w => catalogued.ContainsKey(w.Pair))
            .Select(w => $"{w.Where}: {w.Pair.Zh} / {w.Pair.En} is Words.{catalogued[w.Pair]}").ToList();
        Assert.True(twice.Count + beside.Count == 0, string.Join("\n", twice.Concat(beside)));
    }

    [Fact]
    public void Every_word_has_both_languages_each_in_its_own_script_and_is_catalogued_once()
    {
        var words = Catalogue();
        Assert.True(words.Count > 50);
        foreach (var (name, term) in words)
        {
            Assert.True(term.Zh.Any(c => c >= '\u3000'), $"Words.{name}: the Chinese \"{term.Zh}\" has no Chinese characters or punctuation");
            Assert.True(term.En.Length > 0 && term.En.All(c => c < '\u3000'), $"Words.{name}: the English \"{term.En}\" is empty or has Chinese in it");
        }
        var repeated = words.GroupBy(w => w.Value).Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(w => w.Key))).ToList();
        Assert.True(repeated.Count == 0, "catalogued twice: " + string.Join("; ", repeated));
    }
}
