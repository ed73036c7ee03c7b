using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Finds, without indexing its block, the one write of a local that nothing writes after its declaration
/// (<c>var item = await _service.GetAsync(id); ... return Ok(item);</c>, the common shape of a value handed to a sink).
/// A local is only ever referenced by its name, after its declarator and inside its declaring block, so the text of
/// that stretch holds every place that could write it. Each occurrence is looked at in the syntax: one that could be a
/// write as <see cref="LocalWriteIndex"/> understands it (an assignment's target, the receiver of a mutating call such
/// as <c>Add</c>, <c>++</c>, a <c>ref</c>/<c>out</c> argument, <c>?.</c>) or that is not a plain reference (a
/// declaration of the same name in a nested function) means "ask the index". The answer is never different from the
/// index's; it is only cheaper (no walk of the block's operations, which are cold by the time a sink is analyzed).
/// </summary>
internal static class DeclarationOnlyLocals
{
    /// <summary>The initializer's value when it is the local's only write, or null when the index must be asked.</summary>
    public static IOperation? OnlyInitializer(ILocalSymbol local, IBlockOperation block, CancellationToken cancellationToken)
    {
        var references = local.DeclaringSyntaxReferences;
        if (references.Length != 1
            || references[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: not null } declarator)
            return null;
        var blockSyntax = block.Syntax;
        if (!blockSyntax.Span.Contains(declarator.Span))
            return null;
        // Writes can only follow the declarator, and stay inside the declaring block.
        var stretch = TextSpan.FromBounds(declarator.Identifier.Span.End, blockSyntax.Span.End);
        var mayBeWritten = SpelledTokens.Any(blockSyntax, stretch, local.Name, identifier: true, (token, _) => !IsPlainRead(token, local.Name));
        return mayBeWritten == false ? DeclaratorIn(block, declarator, local)?.Initializer?.Value : null;
    }

    /// <summary>
    /// False when <paramref name="token"/> names the local in a place that may write it (or in a place this check does
    /// not know); true for reads and for text that is not a reference at all (comments, strings, longer names).
    /// </summary>
    private static bool IsPlainRead(SyntaxToken token, string name)
    {
        if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name)
            return true;
        if (token.Parent is not IdentifierNameSyntax identifier)
            return false; // a declarator, parameter or designation of the same name (a nested function's own)
        if (identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier)
            return true; // `other.item`: a member of that name
        SyntaxNode child = identifier;
        for (var node = identifier.Parent; node is not null and not StatementSyntax; child = node, node = node.Parent)
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == child:
                case PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }:
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression }:
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                case ConditionalAccessExpressionSyntax conditional when conditional.Expression == child:
                case NameEqualsSyntax or NameColonSyntax:
                    return false;
                case InvocationExpressionSyntax invocation when invocation.Expression == child
                    && invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var method }
                    && LocalWriteIndex.MutatorNames.Contains(method):
                    return false;
            }
        }
        return true;
    }

    /// <summary>The declarator's operation, found by descending from the block along the declarator's span.</summary>
    private static IVariableDeclaratorOperation? DeclaratorIn(IBlockOperation block, VariableDeclaratorSyntax declarator, ILocalSymbol local)
    {
        var span = declarator.Span;
        IOperation current = block;
        for (var depth = 0; depth < 16; depth++)
        {
            IOperation? next = null;
            foreach (var child in current.ChildOperations)
            {
                if (!child.Syntax.Span.Contains(span))
                    continue;
                if (child is IVariableDeclaratorOperation found && found.Syntax.Span == span)
                    return SymbolEqualityComparer.Default.Equals(found.Symbol, local) ? found : null;
                next = child;
                break;
            }
            if (next is null)
                return null;
            current = next;
        }
        return null;
    }
}
