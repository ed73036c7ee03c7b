using System.Collections.Concurrent;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Rules;

/// <summary>
/// Whether one of the project's methods can hand exception data to its caller on its own: it catches exceptions (with
/// a clause that does not always rethrow, see <see cref="RethrowingCatchClauses"/>) or takes one as a parameter.
/// Helpers without either are not bound again when the engine meets a call to them with clean arguments (decided from
/// the declaration's syntax and signature, once per method). Services that log and rethrow are the common case this
/// keeps cheap.
/// Known miss, documented on LEAK001's page: a helper that reads an exception from elsewhere (a field, a feature).
/// </summary>
internal sealed class ExceptionSourceMethods
{
    private readonly ExceptionSymbols _symbols;
    private readonly ConcurrentDictionary<IMethodSymbol, bool> _known = new(SymbolEqualityComparer.Default);

    public ExceptionSourceMethods(ExceptionSymbols symbols) => _symbols = symbols;

    public bool MayCreateTaint(IMethodSymbol method) =>
        _known.TryGetValue(method, out var known) ? known : _known.GetOrAdd(method, Compute(method));

    private bool Compute(IMethodSymbol method)
    {
        // Local functions capture the enclosing method's locals (`string Local() => ex.Message;`) and live in the
        // body being analyzed already.
        if (method.MethodKind == MethodKind.LocalFunction)
            return true;
        foreach (var parameter in method.Parameters)
        {
            // Numbers, strings, object and enums are neither exceptions nor commands: no symbol lookups for them.
            if (parameter.Type.SpecialType != SpecialType.None || parameter.Type.TypeKind == TypeKind.Enum)
                continue;
            if (_symbols.IsException(parameter.Type) || _symbols.IsDatabaseCarrier(parameter.Type))
                return true;
        }
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (RethrowingCatchClauses.AnyHandsOn(reference.GetSyntax()))
                return true;
        }
        return false;
    }
}
