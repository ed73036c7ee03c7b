using System.Collections.Generic;
using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using LeakAnalyzers.Rules.CatchAll;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace LeakAnalyzers.Rules;

/// <summary>
/// LEAK003: a catch-all handler (middleware, interceptor, exception filter, <c>IExceptionHandler</c>,
/// <c>UseExceptionHandler</c> delegate, or endpoint code that visibly raises deliberate errors) that turns errors
/// raised on purpose with a status into 500s. Each deliberate type is checked on the handler's control-flow graph:
/// it passes when an earlier catch clause or a <c>when</c> filter lets it by, when every path rethrows it, or when
/// the handler maps it to its own status.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CatchAllSwallowsHttpErrorsAnalyzer : DiagnosticAnalyzer
{
    public const string DeliberateExceptionTypesOption = "deliberate_exception_types";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(RuleDescriptors.CatchAllSwallowsHttpErrors);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeSetting.Flags);
        context.RegisterCompilationStartAction(start =>
        {
            var types = DeliberateErrorTypes.Create(start.Compilation);
            var symbols = ErrorHandlerSymbols.Create(start.Compilation);
            if (types is null || symbols.IsEmpty)
                return;
            var compilation = start.Compilation;
            var extraTypes = new PerTreeCache<ImmutableArray<INamedTypeSymbol>>(start.Options, start.Compilation, options => ResolveExtraTypes(options, compilation));
            var analysis = new Analysis(types, symbols, extraTypes, new CalleeBodies(compilation));
            start.RegisterOperationAction(analysis.AnalyzeTry, OperationKind.Try);
            start.RegisterOperationAction(analysis.AnalyzeMethodBody, OperationKind.MethodBody);
            start.RegisterOperationAction(analysis.AnalyzeLambda, OperationKind.AnonymousFunction);
            start.RegisterOperationAction(analysis.AnalyzeMethodReference, OperationKind.MethodReference);
        });
    }

    private static ImmutableArray<INamedTypeSymbol> ResolveExtraTypes(AnalyzerConfigOptions options, Compilation compilation)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in RuleOptions.GetList(options, RuleIdentifiers.CatchAllSwallowsHttpErrors, DeliberateExceptionTypesOption))
        {
            if (KnownTypes.Find(compilation, name) is { } type)
                builder.Add(type);
        }
        return builder.ToImmutable();
    }

    /// <summary>Per-compilation state: symbol caches and options, shared by the callbacks (read-only).</summary>
    private sealed class Analysis
    {
        private readonly DeliberateErrorTypes _types;
        private readonly ErrorHandlerSymbols _symbols;
        private readonly PerTreeCache<ImmutableArray<INamedTypeSymbol>> _extraTypes;
        private readonly HandlerClassifier _classifier;
        private readonly FilterHandlingActions _filterActions;
        private readonly CalleeBodies _callees;
        private readonly HelperHandling _helpers;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, byte> _mappedMethods = new(SymbolEqualityComparer.Default);

        public Analysis(DeliberateErrorTypes types, ErrorHandlerSymbols symbols, PerTreeCache<ImmutableArray<INamedTypeSymbol>> extraTypes, CalleeBodies callees)
        {
            _callees = callees;
            _helpers = new HelperHandling(callees, types, symbols);
            _types = types;
            _symbols = symbols;
            _extraTypes = extraTypes;
            _classifier = new HandlerClassifier(symbols);
            _filterActions = new FilterHandlingActions(symbols);
        }

        public void AnalyzeTry(OperationAnalysisContext context)
        {
            var tryOperation = (ITryOperation)context.Operation;
            if (tryOperation.Catches.IsEmpty || !HasCatchAll(tryOperation))
                return;
            var function = FunctionGraphs.EnclosingFunction(tryOperation);
            var kind = _classifier.ClassifyTry(tryOperation, function, context.ContainingSymbol);
            if (kind != HandlerKind.None)
                CheckTry(context, tryOperation, function, context.ContainingSymbol, kind, memberGraph: null);
        }

        /// <summary>
        /// A method of any class passed to <c>Map*</c> as a method group (<c>app.MapPost("/orders", OrderEndpoints.Create)</c>)
        /// is an endpoint, which its own try callbacks cannot know: the mapping is in another method, often another file.
        /// The mapping analyzes the method's catch-alls instead, once per method, and reports them at their catch clauses.
        /// Local functions are found by their own trys (<see cref="HandlerClassifier"/>); trys that are some other kind of
        /// handler by themselves are left to that path, so nothing is reported twice.
        /// </summary>
        public void AnalyzeMethodReference(OperationAnalysisContext context)
        {
            var reference = (IMethodReferenceOperation)context.Operation;
            var method = reference.Method.OriginalDefinition;
            if (method.MethodKind != MethodKind.Ordinary || method.DeclaringSyntaxReferences.IsEmpty
                || !_classifier.IsMapArgument(reference) || !_mappedMethods.TryAdd(method, 0)
                // Reported where the method is, which the driver has not checked: generated code is left alone.
                || GeneratedSources.IsGenerated(method, method.DeclaringSyntaxReferences[0].SyntaxTree, context.Compilation, context.CancellationToken)
                || _callees.GetBody(method, reference) is not IMethodBodyOperation { Parent: null } body)
                return;
            ControlFlowGraph? graph = null;
            foreach (var operation in OperationWalk.Descendants(body))
            {
                if (operation is ITryOperation tryOperation && HasCatchAll(tryOperation) && FunctionGraphs.EnclosingFunction(tryOperation) is null
                    && _classifier.ClassifyTry(tryOperation, null, method) == HandlerKind.None)
                    CheckTry(context, tryOperation, null, method, HandlerKind.Endpoint, () => graph ??= ControlFlowGraph.Create(body, context.CancellationToken));
            }
        }

        /// <param name="memberGraph">
        /// The graph of the body <paramref name="member"/> declares; null: the graph of the body the context analyzes.
        /// Not the method group <c>context.GetControlFlowGraph</c>: a delegate to a method of a struct is built by the
        /// runtime (boxing, and a native call to find the unboxing stub), which was ~10 % of this rule on the benchmark.
        /// </param>
        private void CheckTry(OperationAnalysisContext context, ITryOperation tryOperation, IOperation? function, ISymbol member, HandlerKind kind,
            System.Func<ControlFlowGraph>? memberGraph)
        {
            var tree = tryOperation.Syntax.SyntaxTree;
            List<INamedTypeSymbol> visible;
            if (kind == HandlerKind.Endpoint && HandlerClassifier.FunctionSymbol(function, member) is { } method)
            {
                // One walk of the try body: the errors it raises, and whether it calls the next middleware after all.
                visible = RaisedDeliberateErrors.In(tryOperation.Body, _types, _symbols, _callees, _extraTypes, tree,
                    invocation => _classifier.IsNextCall(invocation, method), out var callsNext);
                if (callsNext)
                {
                    kind = HandlerKind.Middleware;
                    visible = VisibleDeliberateErrors.For(kind, _types, _extraTypes.Get(tree));
                }
            }
            else
            {
                visible = VisibleDeliberateErrors.For(kind, _types, _extraTypes.Get(tree));
            }
            if (visible.Count == 0)
                return;
            var deliberate = TypeRelations.MostGeneral(visible);

            ControlFlowGraph? graph = null;
            for (var i = 0; i < tryOperation.Catches.Length; i++)
            {
                var clause = tryOperation.Catches[i];
                if (!IsCatchAll(clause) || clause.Syntax is not CatchClauseSyntax clauseSyntax)
                    continue;
                // The checks that need no control-flow graph go first: the graph of the whole method is the expensive
                // part of this rule, and a handler that lets every deliberate type by earlier needs none.
                var candidates = new List<INamedTypeSymbol>();
                foreach (var type in deliberate)
                {
                    if (!CaughtEarlier(tryOperation, i, type) && !StatusMapping.Covers(clause.Filter, type, _types)
                        && !StatusMapping.Covers(clause.Handler, type, _types))
                        candidates.Add(type);
                }
                if (candidates.Count == 0)
                    continue;
                graph ??= FunctionGraphs.GraphOf(memberGraph is null ? context.GetControlFlowGraph() : memberGraph(), function, context.CancellationToken);
                if (graph is null)
                    return;
                var region = FunctionGraphs.HandlerRegion(graph, function?.Syntax ?? graph.OriginalOperation.Syntax, clauseSyntax);
                if (region is null)
                    continue;
                var aliases = new ExceptionAliases(_symbols);
                aliases.Add((clause.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol);
                aliases.LearnFrom(graph);

                var swallowed = new List<INamedTypeSymbol>();
                foreach (var type in candidates)
                {
                    var test = new ExceptionTypeTest(type, aliases, _types);
                    if (clause.Filter is { } filter && test.Evaluate(filter) is { } filterResult
                        && (filterResult.IsFalse || filterResult.Narrowed))
                        continue;
                    if (_helpers.Handles(clause.Handler, type, aliases))
                        continue;
                    if (HandlerPaths.Swallows(graph, region.FirstBlockOrdinal, region.LastBlockOrdinal, test, HandlerPolicy.CatchClause, aliases, null, _symbols))
                        swallowed.Add(type);
                }
                Report(context, CatchLocation(clauseSyntax), swallowed, kind);
            }
        }

        public void AnalyzeMethodBody(OperationAnalysisContext context)
        {
            if (context.ContainingSymbol is not IMethodSymbol method)
                return;
            var kind = _classifier.ClassifyMethod(method);
            if (kind == HandlerKind.None)
                return;
            var aliases = new ExceptionAliases(_symbols);
            foreach (var parameter in method.Parameters)
            {
                if (TypeRelations.DerivesFromOrEquals(parameter.Type, _types.Exception))
                    aliases.Add(parameter);
            }
            var policy = kind == HandlerKind.ExceptionHandler ? HandlerPolicy.TryHandle : HandlerPolicy.ExceptionFilter;
            var location = method.Locations.IsEmpty ? context.Operation.Syntax.GetLocation() : method.Locations[0];
            AnalyzeWholeFunction(context, context.Operation, null, kind, policy, aliases, location);
        }

        public void AnalyzeLambda(OperationAnalysisContext context)
        {
            var lambda = (IAnonymousFunctionOperation)context.Operation;
            if (!_classifier.IsExceptionHandlerDelegate(lambda))
                return;
            var aliases = new ExceptionAliases(_symbols);
            AnalyzeWholeFunction(context, lambda.Body, lambda, HandlerKind.ExceptionHandlerDelegate, HandlerPolicy.ExceptionHandlerDelegate, aliases, LambdaLocation(lambda.Syntax));
        }

        private void AnalyzeWholeFunction(
            OperationAnalysisContext context, IOperation body, IOperation? function, HandlerKind kind, HandlerPolicy policy,
            ExceptionAliases aliases, Location location)
        {
            var visible = VisibleDeliberateErrors.For(kind, _types, _extraTypes.Get(body.Syntax.SyntaxTree));
            if (visible.Count == 0)
                return;
            var graph = FunctionGraphs.GraphOf(context.GetControlFlowGraph(), function, context.CancellationToken);
            if (graph is null)
                return;
            aliases.LearnFrom(graph);
            var swallowed = new List<INamedTypeSymbol>();
            foreach (var type in TypeRelations.MostGeneral(visible))
            {
                if (StatusMapping.Covers(body, type, _types) || _helpers.Handles(body, type, aliases))
                    continue;
                var test = new ExceptionTypeTest(type, aliases, _types);
                var isHandlingAction = policy == HandlerPolicy.ExceptionFilter ? _filterActions.IsHandlingAction : (System.Func<IOperation, bool>?)null;
                if (HandlerPaths.Swallows(graph, 0, graph.Blocks.Length - 1, test, policy, aliases, isHandlingAction, _symbols))
                    swallowed.Add(type);
            }
            Report(context, location, swallowed, kind);
        }

        /// <summary>An earlier clause catches the type (its filter, if any, is true for it): it never reaches this one.</summary>
        private bool CaughtEarlier(ITryOperation tryOperation, int index, INamedTypeSymbol type)
        {
            for (var j = 0; j < index; j++)
            {
                var earlier = tryOperation.Catches[j];
                if (!TypeRelations.DerivesFromOrEquals(type, earlier.ExceptionType) && earlier.ExceptionType.SpecialType != SpecialType.System_Object)
                    continue;
                if (earlier.Filter is null)
                    return true;
                var aliases = new ExceptionAliases(_symbols);
                aliases.Add((earlier.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol);
                if (new ExceptionTypeTest(type, aliases, _types).Evaluate(earlier.Filter).IsTrue)
                    return true;
            }
            return false;
        }

        private bool HasCatchAll(ITryOperation tryOperation)
        {
            foreach (var clause in tryOperation.Catches)
            {
                if (IsCatchAll(clause))
                    return true;
            }
            return false;
        }

        private bool IsCatchAll(ICatchClauseOperation clause) =>
            clause.ExceptionType.SpecialType == SpecialType.System_Object
            || SymbolEqualityComparer.Default.Equals(clause.ExceptionType, _types.Exception);

        private static void Report(OperationAnalysisContext context, Location location, List<INamedTypeSymbol> swallowed, HandlerKind kind)
        {
            if (swallowed.Count == 0)
                return;
            context.ReportDiagnostic(Diagnostic.Create(
                RuleDescriptors.CatchAllSwallowsHttpErrors, location,
                SwallowedTypesMessage.Properties(swallowed, kind),
                SwallowedTypesMessage.Arguments(swallowed)));
        }

        /// <summary><c>catch (Exception ex)</c>, without the filter and block; a bare <c>catch</c> keyword.</summary>
        private static Location CatchLocation(CatchClauseSyntax clause)
        {
            var end = clause.Declaration?.Span.End ?? clause.CatchKeyword.Span.End;
            return Location.Create(clause.SyntaxTree, TextSpan.FromBounds(clause.CatchKeyword.SpanStart, end));
        }

        /// <summary>The lambda's head: <c>async context =&gt;</c>; an anonymous method's: <c>delegate (HttpContext context)</c>.</summary>
        private static Location LambdaLocation(SyntaxNode syntax)
        {
            if (syntax is LambdaExpressionSyntax lambda)
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(lambda.SpanStart, lambda.ArrowToken.Span.End));
            // delegate (HttpContext context), without the body.
            if (syntax is AnonymousMethodExpressionSyntax method)
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(method.SpanStart, method.ParameterList?.Span.End ?? method.DelegateKeyword.Span.End));
            return syntax.GetLocation();
        }
    }
}
