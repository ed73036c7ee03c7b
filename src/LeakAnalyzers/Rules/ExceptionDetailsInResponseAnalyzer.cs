using System.Collections.Immutable;
using LeakAnalyzers.Core;
using LeakAnalyzers.Flow;
using LeakAnalyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LeakAnalyzers.Rules;

/// <summary>
/// LEAK001 / LEAK002: exception details or database error details reach the HTTP response. Sinks come from the
/// <see cref="ResponseSinkCatalogue"/>; values are followed back by the shared <see cref="TaintEngine"/> with the
/// <see cref="ExceptionTaintPolicy"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionDetailsInResponseAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(RuleDescriptors.ExceptionDetailsInResponse, RuleDescriptors.DatabaseDetailsInResponse);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeSetting.Flags);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var compilation = context.Compilation;
        if (ExceptionSymbols.Create(compilation) is not { } symbols)
            return;
        var sinks = new ResponseSinks(compilation);
        var options = new PerTreeCache<ResponseLeakOptions>(context.Options, compilation, o => ResponseLeakOptions.Parse(o, compilation));
        var anyAdditionalSinks = HasAdditionalSinks(compilation, context.Options.AnalyzerConfigOptionsProvider);
        if (sinks.IsEmpty && !anyAdditionalSinks)
            return;
        var environment = EnvironmentSymbols.Create(compilation);
        var finder = new ResponseSinkFinder(sinks, options, anyAdditionalSinks);
        var policy = new ExceptionTaintPolicy(symbols, finder, environment, options);
        var sourceMethods = new ExceptionSourceMethods(symbols);
        var engine = new TaintEngine(policy, compilation, sourceMethods.MayCreateTaint, policy.MayOriginate);
        var analysis = new ResponseLeakAnalysis(sinks, finder, symbols, engine, environment, options);

        context.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(analysis.AnalyzeSinkOperation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment);
        context.RegisterOperationBlockStartAction(analysis.OnOperationBlockStart);
        // Web API 2 only: the exception overloads wait for the compilation-wide IncludeErrorDetailPolicy. Registered only
        // when Web API is referenced, so other projects pay no second assignment callback and no compilation-end step.
        if (KnownTypes.Find(compilation, "System.Web.Http.HttpConfiguration") is not null)
        {
            context.RegisterOperationAction(analysis.NoteErrorDetailPolicy, OperationKind.SimpleAssignment);
            context.RegisterCompilationEndAction(analysis.ReportErrorDetailPolicySinks);
        }
    }

    /// <summary>
    /// Whether any file sets <c>additional_response_sinks</c> (a project without ASP.NET can still declare its own
    /// response wrappers). Only the raw values are read here, not the whole per-file options: most files never need
    /// the rest, which is parsed on first use. A value that names no symbol only costs the per-file lookups it enables.
    /// </summary>
    private static bool HasAdditionalSinks(Compilation compilation, AnalyzerConfigOptionsProvider provider) =>
        RuleOptions.AnyFile(compilation, provider, static options =>
            RuleOptions.GetRaw(options, RuleIdentifiers.ExceptionDetailsInResponse, ResponseLeakOptions.AdditionalResponseSinksName) is not null
            || RuleOptions.GetRaw(options, RuleIdentifiers.DatabaseDetailsInResponse, ResponseLeakOptions.AdditionalResponseSinksName) is not null);
}
