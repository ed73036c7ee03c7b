using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Rules;

/// <summary>LEAK001/LEAK002 options for one file (documented in docs/rules/LEAK001.md and docs/configuration.md).</summary>
internal sealed class ResponseLeakOptions
{
    public const string AllowInDevelopmentName = "allow_in_development";
    public const string OperationalExceptionTypesName = "operational_exception_types";
    public const string SourceExceptionsAreOperationalName = "source_exceptions_are_operational";
    public const string AdditionalResponseSinksName = "additional_response_sinks";

    public bool AllowInDevelopment { get; private set; } = true;
    public bool SourceExceptionsAreOperational { get; private set; } = true;
    public ImmutableHashSet<INamedTypeSymbol> OperationalTypes { get; private set; } = ImmutableHashSet<INamedTypeSymbol>.Empty;
    public ImmutableHashSet<ISymbol> AdditionalSinks { get; private set; } = ImmutableHashSet<ISymbol>.Empty;

    public static ResponseLeakOptions Parse(AnalyzerConfigOptions options, Compilation compilation)
    {
        // LEAK001 and LEAK002 are one flow rule; LEAK002's own settings win, LEAK001's apply to both.
        var result = new ResponseLeakOptions
        {
            AllowInDevelopment = RuleOptions.GetBool(options, RuleIdentifiers.ExceptionDetailsInResponse, AllowInDevelopmentName, true),
            SourceExceptionsAreOperational = RuleOptions.GetBool(options, RuleIdentifiers.ExceptionDetailsInResponse, SourceExceptionsAreOperationalName, true),
        };
        var operational = RuleOptions.GetList(options, RuleIdentifiers.ExceptionDetailsInResponse, OperationalExceptionTypesName);
        if (!operational.IsEmpty)
            result.OperationalTypes = ExceptionSymbols.Resolve(compilation, operational);
        var sinks = RuleOptions.GetList(options, RuleIdentifiers.ExceptionDetailsInResponse, AdditionalResponseSinksName)
            .AddRange(RuleOptions.GetList(options, RuleIdentifiers.DatabaseDetailsInResponse, AdditionalResponseSinksName));
        if (!sinks.IsEmpty)
        {
            var builder = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var id in sinks)
            {
                foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
                    builder.Add(symbol);
            }
            result.AdditionalSinks = builder.ToImmutable();
        }
        return result;
    }
}
