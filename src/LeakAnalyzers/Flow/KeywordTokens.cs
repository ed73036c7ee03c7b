using System;
using System.Buffers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Finds the tokens of one keyword inside a node by searching the node's source text for the keyword's spelling and
/// asking the tree for the token at each hit. Most method bodies never spell the keyword, and a vectorized text search
/// is far cheaper than enumerating every descendant node (which is what made "does this helper have a catch clause"
/// the largest single cost of LEAK001). Sound: a keyword token is always spelled out in the text, so no token is
/// missed; hits inside identifiers, strings or comments are filtered out by the token's kind.
/// </summary>
internal static class KeywordTokens
{
    /// <summary>
    /// True when some token of <paramref name="kind"/> (spelled <paramref name="keyword"/>) inside
    /// <paramref name="node"/> satisfies <paramref name="predicate"/>. Null when the tree has no source text to search
    /// (a tree built from nodes); callers then walk the syntax instead.
    /// </summary>
    public static bool? Any(SyntaxNode node, string keyword, int kind, Func<SyntaxToken, bool> predicate)
    {
        if (!node.SyntaxTree.TryGetText(out var text))
            return null;
        var span = node.Span;
        if (span.Length < keyword.Length)
            return false;
        var buffer = ArrayPool<char>.Shared.Rent(span.Length);
        try
        {
            text.CopyTo(span.Start, buffer, 0, span.Length);
            var searched = new ReadOnlySpan<char>(buffer, 0, span.Length);
            var spelled = keyword.AsSpan();
            var offset = 0;
            while (offset < searched.Length)
            {
                var hit = searched.Slice(offset).IndexOf(spelled);
                if (hit < 0)
                    return false;
                var position = span.Start + offset + hit;
                var token = node.FindToken(position);
                if (token.RawKind == kind && token.SpanStart == position && predicate(token))
                    return true;
                offset += hit + spelled.Length;
            }
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
