using System;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Finds the tokens of one keyword inside a node by searching the node's source text for the keyword's spelling and
/// asking the tree for the token at each hit (<see cref="SpelledTokens"/>). Most method bodies never spell the keyword, and a vectorized text search
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
    public static bool? Any(SyntaxNode node, string keyword, int kind, Func<SyntaxToken, bool> predicate) =>
        SpelledTokens.Any(node, node.Span, keyword, identifier: false,
            (token, position) => token.RawKind == kind && token.SpanStart == position && predicate(token));
}
