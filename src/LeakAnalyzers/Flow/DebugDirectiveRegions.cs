using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Whether code sits in a <c>#if DEBUG</c> region (or the <c>#else</c> of <c>#if !DEBUG</c>). Operations cannot see
/// preprocessor directives, so this walks the directives that precede the node. When DEBUG is not defined the region
/// is disabled text and nothing in it is analysed at all; when it is defined (a Debug build) the code is active and
/// this is how the guard is recognised.
/// </summary>
internal static class DebugDirectiveRegions
{
    private const string DebugSymbol = "DEBUG";

    public static bool IsInDebugOnlyRegion(SyntaxNode node)
    {
        var root = node.SyntaxTree.GetRoot();
        if (!root.ContainsDirectives)
            return false;
        var position = node.SpanStart;
        // One frame per open #if: the condition of the current branch (null for #else) and the earlier branches.
        var frames = new List<Frame>();
        for (var directive = root.GetFirstDirective(); directive is not null && directive.SpanStart < position; directive = directive.GetNextDirective())
        {
            switch (directive)
            {
                case IfDirectiveTriviaSyntax ifDirective:
                    frames.Add(new Frame(ifDirective.Condition));
                    break;
                case ElifDirectiveTriviaSyntax elif when frames.Count > 0:
                    frames[frames.Count - 1].Advance(elif.Condition);
                    break;
                case ElseDirectiveTriviaSyntax when frames.Count > 0:
                    frames[frames.Count - 1].Advance(null);
                    break;
                case EndIfDirectiveTriviaSyntax when frames.Count > 0:
                    frames.RemoveAt(frames.Count - 1);
                    break;
            }
        }
        foreach (var frame in frames)
        {
            if (frame.EntailsDebug())
                return true;
        }
        return false;
    }

    private sealed class Frame
    {
        private readonly List<ExpressionSyntax> _earlier = new();
        private ExpressionSyntax? _current;

        public Frame(ExpressionSyntax condition) => _current = condition;

        public void Advance(ExpressionSyntax? condition)
        {
            if (_current is not null)
                _earlier.Add(_current);
            _current = condition;
        }

        /// <summary>The branch is taken when its own condition is true and every earlier one was false.</summary>
        public bool EntailsDebug()
        {
            if (_current is not null && Entails(_current, value: true, depth: 0))
                return true;
            foreach (var earlier in _earlier)
            {
                if (Entails(earlier, value: false, depth: 0))
                    return true;
            }
            return false;
        }
    }

    /// <summary>Whether <paramref name="condition"/> evaluating to <paramref name="value"/> means DEBUG is defined.</summary>
    private static bool Entails(ExpressionSyntax condition, bool value, int depth)
    {
        if (depth > 16)
            return false;
        switch (condition)
        {
            case IdentifierNameSyntax identifier:
                return value && identifier.Identifier.ValueText == DebugSymbol;
            case ParenthesizedExpressionSyntax parenthesized:
                return Entails(parenthesized.Expression, value, depth + 1);
            case PrefixUnaryExpressionSyntax unary when unary.IsKind(SyntaxKind.LogicalNotExpression):
                return Entails(unary.Operand, !value, depth + 1);
            case BinaryExpressionSyntax conjunction when conjunction.IsKind(SyntaxKind.LogicalAndExpression):
                return value
                    ? Entails(conjunction.Left, true, depth + 1) || Entails(conjunction.Right, true, depth + 1)
                    : Entails(conjunction.Left, false, depth + 1) && Entails(conjunction.Right, false, depth + 1);
            case BinaryExpressionSyntax disjunction when disjunction.IsKind(SyntaxKind.LogicalOrExpression):
                return value
                    ? Entails(disjunction.Left, true, depth + 1) && Entails(disjunction.Right, true, depth + 1)
                    : Entails(disjunction.Left, false, depth + 1) || Entails(disjunction.Right, false, depth + 1);
            default:
                return false;
        }
    }
}
