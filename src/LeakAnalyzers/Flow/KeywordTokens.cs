using System;
using System.Buffers;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Finds the tokens spelled a given way (a keyword, an identifier) inside a node by searching the node's source text
/// for the spelling and asking the tree for the token at each hit. Most method bodies never spell the word, and a
/// vectorized text search is far cheaper than enumerating every descendant node (which is what made "does this helper
/// have a catch clause" the largest single cost of LEAK001). Sound for keywords: a keyword token is always spelled
/// out in the text, so no token is missed; hits inside identifiers, strings or comments are filtered out by the
/// token's kind. An identifier written with a unicode escape (<c>\u0041</c>) is not found.
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
        var buffer = Copy(text, node.Span);
        try
        {
            return Find(node, new ReadOnlySpan<char>(buffer, 0, node.Span.Length), keyword, kind, predicate);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// True when an identifier spelled exactly as one of <paramref name="names"/> appears inside <paramref name="node"/>
    /// (the node's text is copied once for all of them). Null when the tree has no source text to search.
    /// </summary>
    public static bool? AnyIdentifier(SyntaxNode node, ImmutableArray<string> names)
    {
        if (names.IsEmpty)
            return false;
        if (!node.SyntaxTree.TryGetText(out var text))
            return null;
        var buffer = Copy(text, node.Span);
        try
        {
            var searched = new ReadOnlySpan<char>(buffer, 0, node.Span.Length);
            foreach (var name in names)
            {
                if (Find(node, searched, name, (int)SyntaxKind.IdentifierToken, predicate: null))
                    return true;
            }
            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static char[] Copy(SourceText text, TextSpan span)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(span.Length, 1));
        text.CopyTo(span.Start, buffer, 0, span.Length);
        return buffer;
    }

    /// <summary>A token of <paramref name="kind"/> spelled exactly <paramref name="word"/> (and passing the predicate, if any).</summary>
    private static bool Find(SyntaxNode node, ReadOnlySpan<char> searched, string word, int kind, Func<SyntaxToken, bool>? predicate)
    {
        var spelled = word.AsSpan();
        var offset = 0;
        while (offset < searched.Length)
        {
            var hit = searched.Slice(offset).IndexOf(spelled);
            if (hit < 0)
                return false;
            var position = node.Span.Start + offset + hit;
            var token = node.FindToken(position);
            if (token.RawKind == kind && token.SpanStart == position && token.Span.Length == spelled.Length
                && (predicate is null || predicate(token)))
                return true;
            offset += hit + spelled.Length;
        }
        return false;
    }
}
