using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Rules.SecretInLog;

/// <summary>What a catalogued log method does with each of its parameters.</summary>
internal enum LogParameterRole : byte
{
    /// <summary>Not written as text: the logger (<c>this</c>), <c>destructureObjects</c>, exceptions, levels, providers.</summary>
    Skip,
    /// <summary><c>Debug.WriteLine(message, category)</c>: written, but no template argument.</summary>
    Category,
    /// <summary>A <c>message</c>/<c>format</c> string followed by argument parameters: the template, when it comes first.</summary>
    Template,
    /// <summary>A <c>params</c> parameter: each element is an argument of its own.</summary>
    Params,
    /// <summary>Any other written value.</summary>
    Value,
    /// <summary>
    /// A parameter of a generic method typed by one of its type parameters (Serilog's <c>Information&lt;T&gt;</c>):
    /// written unless the call's type argument is a type that is never written (an exception, a level).
    /// </summary>
    ValueUnlessIgnoredType,
}

/// <summary>
/// The parameter roles of one catalogued log method, worked out once per method: every log call used to read each
/// parameter's name, type and interfaces again (about 1.7 µs a call on the benchmark, most of LEAK004's reading time).
/// </summary>
internal sealed class LogMethodShape
{
    private LogMethodShape(ImmutableArray<LogParameterRole> roles, int destructureOrdinal, bool usesNamedTemplates)
    {
        Roles = roles;
        DestructureOrdinal = destructureOrdinal;
        UsesNamedTemplates = usesNamedTemplates;
    }

    /// <summary>By parameter ordinal.</summary>
    public ImmutableArray<LogParameterRole> Roles { get; }

    /// <summary>The ordinal of <c>destructureObjects</c>, or -1.</summary>
    public int DestructureOrdinal { get; }

    /// <summary>The method belongs to a structured logger whose templates take named holes and trailing arguments.</summary>
    public bool UsesNamedTemplates { get; }

    public LogParameterRole RoleOf(IParameterSymbol parameter) =>
        parameter.Ordinal < Roles.Length ? Roles[parameter.Ordinal] : LogParameterRole.Skip;

    public static LogMethodShape Create(IMethodSymbol method, LogSinkSymbols symbols)
    {
        // IMethodSymbol.Parameters builds a new array on every read: read once.
        var parameters = method.Parameters;
        var roles = ImmutableArray.CreateBuilder<LogParameterRole>(parameters.Length);
        var destructureOrdinal = -1;
        foreach (var parameter in parameters)
        {
            if (parameter.Name == LogSinkCatalogue.DestructureParameterName)
                destructureOrdinal = parameter.Ordinal;
            roles.Add(RoleOf(method, parameters, parameter, symbols));
        }
        return new LogMethodShape(roles.MoveToImmutable(), destructureOrdinal, symbols.UsesNamedTemplates(method));
    }

    private static LogParameterRole RoleOf(IMethodSymbol method, ImmutableArray<IParameterSymbol> parameters, IParameterSymbol parameter, LogSinkSymbols symbols)
    {
        if (method.IsExtensionMethod && parameter.Ordinal == 0 || parameter.Name == LogSinkCatalogue.DestructureParameterName)
            return LogParameterRole.Skip;
        if (parameter.Name == LogSinkCatalogue.CategoryParameterName)
            return LogParameterRole.Category;
        if (IsTemplateParameter(parameters, parameter))
            return LogParameterRole.Template;
        if (parameter.IsParams)
            return LogParameterRole.Params;
        if (parameter.Type.TypeKind == TypeKind.TypeParameter && method.IsDefinition && method.IsGenericMethod)
            return LogParameterRole.ValueUnlessIgnoredType;
        return symbols.IsIgnoredParameterType(parameter.Type) ? LogParameterRole.Skip : LogParameterRole.Value;
    }

    /// <summary><c>message</c>/<c>messageTemplate</c>/<c>format</c> followed by argument parameters.</summary>
    private static bool IsTemplateParameter(ImmutableArray<IParameterSymbol> parameters, IParameterSymbol parameter)
    {
        if (parameter.Type.SpecialType != SpecialType.System_String || !LogSinkCatalogue.TemplateParameterNames.Contains(parameter.Name))
            return false;
        for (var i = parameter.Ordinal + 1; i < parameters.Length; i++)
        {
            if (parameters[i].Name != LogSinkCatalogue.CategoryParameterName && parameters[i].Type.TypeKind != TypeKind.Error)
                return true;
        }
        return false;
    }
}

/// <summary>The <see cref="LogMethodShape"/> of each log method met in one compilation.</summary>
internal sealed class LogMethodShapes
{
    private readonly LogSinkSymbols _symbols;
    /// <summary>
    /// A project logs through a handful of methods (LogInformation, LogError...): most calls find theirs in the recent
    /// table.
    /// </summary>
    private readonly AnswerCache<IMethodSymbol, LogMethodShape> _shapes;

    public LogMethodShapes(LogSinkSymbols symbols)
    {
        _symbols = symbols;
        // 256 recent slots, as LogSinkSymbols' catalogue table: the log methods of a project outnumber 16 or 32 slots.
        _shapes = new AnswerCache<IMethodSymbol, LogMethodShape>(256, SymbolEqualityComparer.Default, method => LogMethodShape.Create(method, _symbols));
    }

    public LogSinkSymbols Symbols => _symbols;

    /// <summary>
    /// A generic method (Serilog's <c>Information&lt;T0, T1&gt;</c>) is a new object at every call, which the recent
    /// table cannot find again and the dictionary has to hash whole (containing type, name, type arguments): its shape
    /// is its definition's, whose parameters typed by a type parameter are resolved per call
    /// (<see cref="LogParameterRole.ValueUnlessIgnoredType"/>). Its message parameter is the template whatever the
    /// type arguments are, also when the compiler could not infer them (broken code).
    /// </summary>
    public LogMethodShape For(IMethodSymbol method) => _shapes.Get(method.IsGenericMethod ? method.OriginalDefinition : method);
}
