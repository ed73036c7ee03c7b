using System;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Core;

/// <summary>
/// An <see cref="AnswerCache{TKey, TValue}"/> for questions about a type whose answer cannot depend on a nullable
/// annotation. Under <c>#nullable enable</c> every operation's and parameter's type is a wrapper object of its own (it
/// carries that use's annotation), so a type without type arguments is asked by its definition, which Roslyn keeps one
/// object for: the recent table finds it again by identity. Constructed types (whose answer may depend on their type
/// arguments), arrays and type parameters go to the dictionary.
/// </summary>
internal sealed class TypeAnswerCache<TValue>
{
    private readonly AnswerCache<ITypeSymbol, TValue> _answers;

    /// <param name="recentSlots">A power of two.</param>
    /// <param name="compute">Must depend on nothing but the type, and not on its annotation.</param>
    public TypeAnswerCache(int recentSlots, Func<ITypeSymbol, TValue> compute) =>
        _answers = new AnswerCache<ITypeSymbol, TValue>(recentSlots, SymbolEqualityComparer.Default, compute);

    // IsGenericType also covers type arguments of a containing type (Outer<T>.Inner).
    public TValue Get(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: false } named ? _answers.Get(named.OriginalDefinition) : _answers.GetOnce(type);
}
