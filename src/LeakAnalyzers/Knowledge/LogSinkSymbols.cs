using System.Collections.Generic;
using System.Collections.Immutable;
using LeakAnalyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Knowledge;

/// <summary>
/// <see cref="LogSinkCatalogue"/> resolved against one compilation: which (type, method name) pairs write to a log,
/// and the types whose arguments are never written as text.
/// </summary>
internal sealed class LogSinkSymbols
{
    private readonly Dictionary<INamedTypeSymbol, HashSet<string>> _methodsByType;
    /// <summary>Every catalogued method name: most calls are rejected by name (<see cref="NameSet"/>), before a type is hashed.</summary>
    private readonly NameSet _methodNames = new();
    // 256 slots: 32 missed 970 of 18,158 lookups on the 200k-line benchmark, 256 miss 446 (mostly methods asked about once).
    private readonly RecentFlags<IMethodSymbol> _catalogued = new(256);
    private readonly HashSet<INamedTypeSymbol> _namedTemplateTypes;
    private readonly INamedTypeSymbol? _textWriter;
    private readonly INamedTypeSymbol? _console;
    private readonly NameSet _streamMethods = new(LogSinkCatalogue.ConsoleStreams.Methods);
    private readonly HashSet<string> _streamProperties = new(LogSinkCatalogue.ConsoleStreams.ReceiverProperties);
    private readonly TypeAnswerCache<bool> _ignoredTypes;

    private LogSinkSymbols(
        Dictionary<INamedTypeSymbol, HashSet<string>> methodsByType,
        HashSet<INamedTypeSymbol> namedTemplateTypes,
        ImmutableArray<INamedTypeSymbol> ignoredParameterTypes,
        INamedTypeSymbol? loggerMessageAttribute,
        INamedTypeSymbol? melLogger,
        INamedTypeSymbol? textWriter,
        INamedTypeSymbol? console)
    {
        _namedTemplateTypes = namedTemplateTypes;
        _textWriter = textWriter;
        _console = console;
        _methodsByType = methodsByType;
        _ignoredTypes = new TypeAnswerCache<bool>(16, ComputeIsIgnoredParameterType);
        foreach (var names in methodsByType.Values)
            _methodNames.UnionWith(names);
        IgnoredParameterTypes = ignoredParameterTypes;
        LoggerMessageAttribute = loggerMessageAttribute;
        MelLogger = melLogger;
    }

    public ImmutableArray<INamedTypeSymbol> IgnoredParameterTypes { get; }
    public INamedTypeSymbol? LoggerMessageAttribute { get; }
    public INamedTypeSymbol? MelLogger { get; }

    public static LogSinkSymbols Create(Compilation compilation)
    {
        var methodsByType = new Dictionary<INamedTypeSymbol, HashSet<string>>(SymbolEqualityComparer.Default);
        var named = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var (typeName, methods, namedTemplates) in LogSinkCatalogue.Rows)
        {
            if (KnownTypes.Find(compilation, typeName) is not { } type)
                continue;
            methodsByType[type] = new HashSet<string>(methods);
            if (namedTemplates)
                named.Add(type);
        }
        var ignored = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in LogSinkCatalogue.IgnoredParameterTypes)
        {
            if (KnownTypes.Find(compilation, name) is { } type)
                ignored.Add(type);
        }
        return new LogSinkSymbols(
            methodsByType,
            named,
            ignored.ToImmutable(),
            KnownTypes.Find(compilation, LogSinkCatalogue.LoggerMessageAttribute),
            KnownTypes.Find(compilation, LogSinkCatalogue.MelLogger),
            KnownTypes.Find(compilation, LogSinkCatalogue.ConsoleStreams.Type),
            KnownTypes.Find(compilation, LogSinkCatalogue.ConsoleStreams.ReceiverType));
    }

    /// <summary>
    /// Asked of every call. The name filter rejects most; the calls it lets through are nearly all log calls to a
    /// handful of methods, whose answer the recent table keeps by the method's definition (one object per method) so
    /// that the name and the containing type are not hashed again at each call.
    /// </summary>
    public bool IsCatalogued(IMethodSymbol method)
    {
        if (!_methodNames.PassesFilter(method.Name))
            return false;
        var definition = method.OriginalDefinition;
        return _catalogued.TryGet(definition, out var known) ? known : _catalogued.Remember(definition, ComputeIsCatalogued(definition));
    }

    private bool ComputeIsCatalogued(IMethodSymbol method) =>
        _methodNames.Contains(method.Name) && method.ContainingType?.OriginalDefinition is { } type
        && _methodsByType.TryGetValue(type, out var names) && names.Contains(method.Name);

    /// <summary>The method belongs to a structured logger whose templates take named holes and trailing arguments.</summary>
    public bool UsesNamedTemplates(IMethodSymbol method) =>
        method.ContainingType is { } type && _namedTemplateTypes.Contains(type.OriginalDefinition);

    /// <summary><c>Console.Out.WriteLine(x)</c>, <c>Console.Error.Write(x)</c>.</summary>
    public bool IsConsoleStreamWrite(IMethodSymbol method, IOperation? instance)
    {
        if (_textWriter is null || _console is null || !_streamMethods.Contains(method.Name)
            || !SymbolNames.InheritsFromOrEquals(method.ContainingType, _textWriter))
            return false;
        while (instance is IConversionOperation conversion)
            instance = conversion.Operand;
        return instance is IPropertyReferenceOperation { Property: { } property }
            && _streamProperties.Contains(property.Name)
            && SymbolEqualityComparer.Default.Equals(property.ContainingType, _console);
    }

    /// <summary>A parameter whose argument is not written as text: exceptions, levels, providers, the logger itself.</summary>
    /// <remarks>Asked for the type arguments of generic log calls, about a few dozen types: answered once per type.</remarks>
    public bool IsIgnoredParameterType(ITypeSymbol type) => _ignoredTypes.Get(type);

    private bool ComputeIsIgnoredParameterType(ITypeSymbol type)
    {
        if (type.TypeKind is TypeKind.Delegate or TypeKind.Enum)
            return true;
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var ignored in IgnoredParameterTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, ignored))
                    return true;
            }
        }
        // Asked once per type (memoised above), so the interface array is not worth caching here.
        foreach (var iface in type.AllInterfaces)
        {
            foreach (var ignored in IgnoredParameterTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(iface.OriginalDefinition, ignored))
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A delegate made by <c>LoggerMessage.Define</c>/<c>DefineScope</c>: <c>Action&lt;ILogger, …&gt;</c> or
    /// <c>Func&lt;ILogger, …, IDisposable?&gt;</c>, recognised by its first parameter being the logger.
    /// </summary>
    public bool IsLoggerMessageDelegate(IMethodSymbol method) =>
        MelLogger is not null
        && method.MethodKind == MethodKind.DelegateInvoke
        && method.Parameters.Length >= 2
        && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, MelLogger)
        && SymbolNames.IsInNamespace(method.ContainingType, "System");

    /// <summary>The <c>[LoggerMessage]</c> attribute of a source-generated logging method, if any.</summary>
    public AttributeData? GetLoggerMessageAttribute(IMethodSymbol method)
    {
        // [LoggerMessage] methods are ordinary void methods; checking that first keeps GetAttributes off most calls.
        if (LoggerMessageAttribute is null || !method.ReturnsVoid || method.MethodKind != MethodKind.Ordinary)
            return null;
        var definition = method.PartialDefinitionPart ?? method;
        foreach (var attribute in definition.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, LoggerMessageAttribute))
                return attribute;
        }
        return null;
    }
}
