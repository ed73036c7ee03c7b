using System;
using System.Buffers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Finds the tokens at the places where a stretch of source text spells a word, by a vectorized search of the text
/// and a lookup of the token at each hit. Far cheaper than enumerating every descendant node or operation, and sound
/// for keywords and plain identifiers, which are always spelled out in the text. Hits inside longer identifiers,
/// strings or comments come back as whatever token holds them; predicates filter by kind and text.
/// </summary>
internal static class SpelledTokens
{
    /// <summary>
    /// True when the token at some hit of <paramref name="spelling"/> inside <paramref name="stretch"/> (a span of
    /// <paramref name="scope"/>) satisfies <paramref name="predicate"/>, which also gets the hit's position. Null when
    /// the answer cannot come from the text: the tree has none (built from nodes), or, for an identifier
    /// (<paramref name="identifier"/>), the stretch has a unicode escape that could spell it another way.
    /// </summary>
    public static bool? Any(SyntaxNode scope, TextSpan stretch, string spelling, bool identifier, Func<SyntaxToken, int, bool> predicate)
    {
        if (!scope.SyntaxTree.TryGetText(out var text) || stretch.End > text.Length)
            return null;
        if (stretch.Length < spelling.Length || spelling.Length == 0)
            return false;
        var buffer = ArrayPool<char>.Shared.Rent(stretch.Length);
        try
        {
            text.CopyTo(stretch.Start, buffer, 0, stretch.Length);
            var searched = new ReadOnlySpan<char>(buffer, 0, stretch.Length);
            if (identifier && (searched.IndexOf("\\u".AsSpan()) >= 0 || searched.IndexOf("\\U".AsSpan()) >= 0))
                return null;
            var spelled = spelling.AsSpan();
            var offset = 0;
            while (offset < searched.Length)
            {
                var hit = searched.Slice(offset).IndexOf(spelled);
                if (hit < 0)
                    return false;
                var position = stretch.Start + offset + hit;
                if (predicate(scope.FindToken(position), position))
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
