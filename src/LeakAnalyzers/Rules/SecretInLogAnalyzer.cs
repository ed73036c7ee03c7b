using System.Collections.Generic;
using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using LeakAnalyzers.Rules.SecretInLog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules;

/// <summary>
/// LEAK004: a secret (password, token, API key, connection string, Authorization header, cookie, card number …)
/// is written to a log. Log calls come from <see cref="LogSinkCatalogue"/>; secrets are recognised by the value
/// (<see cref="SecretFinder"/>), never by the message text.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInLogAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property telling the fixer what the location is (see <see cref="FixShape"/>).</summary>
    public const string ShapeProperty = "Shape";
    /// <summary>Diagnostic property: the argument's position after the template (for removing its hole).</summary>
    public const string TemplatePositionProperty = "TemplatePosition";
    /// <summary>Diagnostic property on a hole of a structured logger's interpolated message: the fix may turn it into a template.</summary>
    public const string ConvertibleTemplateProperty = "ConvertibleTemplate";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.SecretInLog);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeSetting.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            // System.Console and System.Diagnostics are always there, so there is no compilation to skip.
            var logMethods = new LogMethodShapes(LogSinkSymbols.Create(start.Compilation));
            // Asked at every invocation (any call may be a configured log method): a project that sets no LEAK004 option
            // anywhere gets the defaults without a per-file lookup.
            var options = PerTreeCache<SecretInLogOptions>.Create(start.Options, start.Compilation, SecretInLogOptions.Parse,
                SecretInLogOptions.IsConfigured, SecretInLogOptions.Default);
            var policy = new SecretTaintPolicy(SecretSourceSymbols.Create(start.Compilation), options);
            var engine = new TaintEngine(policy, start.Compilation);
            policy.Engine = engine;
            var finder = new SecretFinder(engine, policy);
            start.RegisterOperationAction(
                operationContext => AnalyzeInvocation(operationContext, logMethods, finder, options),
                OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, LogMethodShapes logMethods, SecretFinder finder, PerTreeCache<SecretInLogOptions> optionsCache)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var options = optionsCache.Get(invocation.Syntax.SyntaxTree);
        if (LogCallReader.Read(invocation, logMethods, options) is not { } call)
            return;
        try
        {
            if (call.Values.Count > 0)
                AnalyzeValues(context, invocation, call, finder);
        }
        finally
        {
            LogCallReader.Release(call);
        }
    }

    private static void AnalyzeValues(OperationAnalysisContext context, IInvocationOperation invocation, LogCall call, SecretFinder finder)
    {
        var cancellationToken = context.CancellationToken;
        // Locations are built only when something is reported: almost every log call is clean.
        var additional = new AdditionalLocations(invocation, call);

        foreach (var logged in call.Values)
        {
            var value = SkipConversions(logged.Value);
            switch (value)
            {
                case IInterpolatedStringOperation interpolated:
                    var convertible = call.TemplateTakesArguments && ReferenceEquals(logged.Value, call.Template);
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && finder.Find(hole.Expression, RenderMode.Text, cancellationToken) is { } name)
                            Report(context, hole.Syntax, FixShape.Hole, -1, name, call, ref additional, convertible);
                    }
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                    foreach (var operand in Flatten(concatenation))
                    {
                        if (finder.Find(operand, RenderMode.Text, cancellationToken) is { } name)
                            Report(context, operand.Syntax, FixShape.Operand, -1, name, call, ref additional);
                    }
                    break;
                case IObjectCreationOperation { Initializer: { } initializer } when IsDictionaryState(value):
                    // A state dictionary (BeginScope, Log<TState>) is written entry by entry: report each entry.
                    foreach (var (key, entryValue) in DictionaryEntries.Of(initializer))
                    {
                        if (finder.FindInEntry(key, entryValue, cancellationToken) is { } name)
                            Report(context, entryValue.Syntax, FixShape.Value, -1, name, call, ref additional);
                    }
                    break;
                default:
                    if (finder.Find(value, logged.Destructure ? RenderMode.Destructure : RenderMode.Text, cancellationToken) is { } found)
                    {
                        var shape = logged.Removable && call.Template is ILiteralOperation ? FixShape.Argument : FixShape.Value;
                        Report(context, logged.Value.Syntax, shape, logged.TemplatePosition, found, call, ref additional);
                    }
                    break;
            }
        }
    }

    private static void Report(OperationAnalysisContext context, SyntaxNode location, FixShape shape, int position, string name, LogCall call, ref AdditionalLocations additional, bool convertibleTemplate = false)
    {
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(ShapeProperty, shape.ToString())
            .Add(TemplatePositionProperty, position.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (convertibleTemplate)
            properties = properties.Add(ConvertibleTemplateProperty, "true");
        context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.SecretInLog, location.GetLocation(), additional.Get(), properties, name, call.MethodName));
    }

    /// <summary>
    /// The call, then the template literal if there is one: what the fixer needs besides the reported value. A struct,
    /// passed by reference: the list is made on the first report, and a clean call (almost all of them) allocates nothing.
    /// </summary>
    private struct AdditionalLocations
    {
        private readonly IInvocationOperation _invocation;
        private readonly LogCall _call;
        private List<Location>? _locations;

        public AdditionalLocations(IInvocationOperation invocation, LogCall call)
        {
            _invocation = invocation;
            _call = call;
        }

        public List<Location> Get()
        {
            if (_locations is null)
            {
                _locations = new List<Location> { _invocation.Syntax.GetLocation() };
                if (_call.Template is ILiteralOperation literal)
                    _locations.Add(literal.Syntax.GetLocation());
            }
            return _locations;
        }
    }

    private static bool IsDictionaryState(IOperation value)
    {
        foreach (var iface in value.Type?.AllInterfaces ?? ImmutableArray<INamedTypeSymbol>.Empty)
        {
            if (iface.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                && iface.TypeArguments[0] is INamedTypeSymbol { Name: "KeyValuePair" })
                return true;
        }
        return false;
    }

    /// <summary>
    /// Skips the compiler's implicit conversions (boxing into a <c>params object[]</c>), not user-defined ones. C# has no
    /// user-defined conversion to object or to an interface, so those (nearly every log argument) are skipped without
    /// asking for the operator method, which Roslyn computes from the conversion on each request.
    /// </summary>
    private static IOperation SkipConversions(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion
               && (conversion.Type is { SpecialType: SpecialType.System_Object } or { TypeKind: TypeKind.Interface } || conversion.OperatorMethod is null))
            value = conversion.Operand;
        return value;
    }

    /// <summary>The operands of <c>a + b + c</c> (left-nested string concatenation), left to right.</summary>
    private static List<IOperation> Flatten(IBinaryOperation concatenation)
    {
        var operands = new List<IOperation>();
        IOperation current = concatenation;
        var stack = new Stack<IOperation>();
        while (current is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } binary)
        {
            stack.Push(binary.RightOperand);
            current = binary.LeftOperand;
        }
        operands.Add(current);
        while (stack.Count > 0)
            operands.Add(stack.Pop());
        return operands;
    }
}
