using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LeakAnalyzers.Tests.Robustness;

/// <summary>
/// Seeded edits that turn valid code into what an IDE sees while someone types: deleted tokens, truncated files,
/// unbalanced braces and parentheses, stray tokens. The same seed always gives the same mutant, so a failure message
/// (input name + seed) is enough to reproduce it.
/// </summary>
public static class SourceMutator
{
    private static readonly string[] StrayTokens = { "{", "}", "(", ")", ";", ",", "=>", "await", "?", "!", "catch", "throw", "\"", "$\"", "new", "=", "." };

    public static (string Text, string Description) Mutate(string source, int seed)
    {
        var random = new Random(seed);
        var text = source;
        var edits = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count && text.Length > 0; i++)
        {
            var (next, what) = random.Next(5) switch
            {
                0 => DeleteTokens(text, random),
                1 => Truncate(text, random),
                2 => UnbalanceBraces(text, random),
                3 => InsertStray(text, random),
                _ => DeleteTokens(text, random),
            };
            text = next;
            edits.Add(what);
        }
        return (text, string.Join(", ", edits));
    }

    private static (string, string) DeleteTokens(string text, Random random)
    {
        var tokens = Tokens(text);
        if (tokens.Count == 0)
            return (text, "nothing to delete");
        var first = random.Next(tokens.Count);
        var length = random.Next(1, 4);
        var last = Math.Min(tokens.Count - 1, first + length - 1);
        var start = tokens[first].SpanStart;
        var end = tokens[last].Span.End;
        return (text.Remove(start, end - start), $"deleted {last - first + 1} token(s) at {start}");
    }

    private static (string, string) Truncate(string text, Random random)
    {
        var at = random.Next(text.Length);
        return (text[..at], $"truncated at {at}");
    }

    private static (string, string) UnbalanceBraces(string text, Random random)
    {
        var delimiters = Tokens(text).Where(t => t.IsKind(SyntaxKind.OpenBraceToken) || t.IsKind(SyntaxKind.CloseBraceToken)
            || t.IsKind(SyntaxKind.OpenParenToken) || t.IsKind(SyntaxKind.CloseParenToken)).ToList();
        if (delimiters.Count == 0)
            return (text.Insert(random.Next(text.Length + 1), "{"), "inserted {");
        var token = delimiters[random.Next(delimiters.Count)];
        return random.Next(2) == 0
            ? (text.Remove(token.SpanStart, token.Span.Length), $"removed {token.Text} at {token.SpanStart}")
            : (text.Insert(token.SpanStart, token.Text), $"doubled {token.Text} at {token.SpanStart}");
    }

    private static (string, string) InsertStray(string text, Random random)
    {
        var tokens = Tokens(text);
        var at = tokens.Count == 0 ? 0 : tokens[random.Next(tokens.Count)].SpanStart;
        var stray = StrayTokens[random.Next(StrayTokens.Length)];
        return (text.Insert(at, stray + " "), $"inserted '{stray}' at {at}");
    }

    private static List<SyntaxToken> Tokens(string text) =>
        CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0).ToList();
}
