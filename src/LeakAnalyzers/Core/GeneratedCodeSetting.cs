using Microsoft.CodeAnalysis.Diagnostics;

namespace LeakAnalyzers.Core;

/// <summary>
/// How every LeakAnalyzers analyzer treats generated code: its callbacks are not run on it (no <c>Analyze</c>), and the
/// driver is not asked to filter reported diagnostics by it (<c>ReportDiagnostics</c>). That filter costs a walk over
/// every token of each file in which a diagnostic is first reported, looking for a <c>GeneratedCode</c> identifier
/// (about 5 % of all the rules' time on the 200k-line benchmark), and it has nothing to remove: a rule reports inside the
/// code its callback was given, which the driver has already found not generated. The one path that reports in code it
/// was not given (LEAK003's method groups, <see cref="Knowledge.GeneratedSources"/>) applies the driver's test itself.
/// </summary>
internal static class GeneratedCodeSetting
{
    public const GeneratedCodeAnalysisFlags Flags = GeneratedCodeAnalysisFlags.ReportDiagnostics;
}
