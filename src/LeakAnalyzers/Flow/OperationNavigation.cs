using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Flow;

/// <summary>Small structural helpers over operation trees shared by the engine and the policies.</summary>
internal static class OperationNavigation
{
    /// <summary>Strips conversions and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation.Kind)
            {
                case OperationKind.Conversion:
                    operation = ((IConversionOperation)operation).Operand;
                    continue;
                case OperationKind.Parenthesized:
                    operation = ((IParenthesizedOperation)operation).Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// The local a pattern itself declares (<c>x is string s</c>, <c>x is { } s</c>, <c>x is [..] s</c>): it holds the whole
    /// matched value. Locals declared by nested sub-patterns are not included.
    /// </summary>
    public static ILocalSymbol? PatternLocal(IPatternOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation declaration => declaration.DeclaredSymbol as ILocalSymbol,
        IRecursivePatternOperation recursive => recursive.DeclaredSymbol as ILocalSymbol,
        IListPatternOperation list => list.DeclaredSymbol as ILocalSymbol,
        _ => null,
    };

    /// <summary>What the <c>?.</c> placeholder stands for: the receiver of the enclosing conditional access.</summary>
    public static IOperation? ConditionalAccessReceiver(IConditionalAccessInstanceOperation instance)
    {
        IOperation child = instance;
        for (var current = instance.Parent; current is not null; child = current, current = current.Parent)
        {
            if (current is IConditionalAccessOperation access && ReferenceEquals(access.WhenNotNull, child))
                return access.Operation;
        }
        return null;
    }

    /// <summary>The receiver with conversions and <c>?.</c> placeholders resolved.</summary>
    public static IOperation ResolveReceiver(IOperation receiver)
    {
        for (var i = 0; i < 8; i++)
        {
            receiver = Unwrap(receiver);
            if (receiver is IConditionalAccessInstanceOperation instance && ConditionalAccessReceiver(instance) is { } resolved)
                receiver = resolved;
            else
                break;
        }
        return receiver;
    }

    public static bool IsWithin(IOperation operation, IOperation ancestor)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            if (ReferenceEquals(current, ancestor))
                return true;
        }
        return false;
    }

    /// <summary>The values a body returns (<c>return x</c>, <c>yield return x</c>), its nested lambdas and local functions excluded.</summary>
    public static IEnumerable<IOperation> ReturnedValues(IOperation body)
    {
        var stack = new Stack<IOperation>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            // By the kind, which is one virtual call: every operation of the body is asked, and a type test against an
            // operation interface searches the implementing class's interface list.
            if (current.Kind is OperationKind.Return or OperationKind.YieldReturn)
            {
                if (((IReturnOperation)current).ReturnedValue is { } value)
                    yield return value;
                continue;
            }
            foreach (var child in current.ChildOperations)
            {
                if (child.Kind is not (OperationKind.AnonymousFunction or OperationKind.LocalFunction))
                    stack.Push(child);
            }
        }
    }
}
