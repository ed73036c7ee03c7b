using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Flow;

/// <summary>
/// A conservative, per-operation test of where a policy's taint can start, so that the engine can tell a whole body
/// clean once. It must say true for every operation the policy can classify as a source, and for every call the engine
/// would follow into a body that can create taint on its own; it may say true for more. It is asked of each operation
/// while the <see cref="LocalWriteIndex"/> of a body is built (a walk that happens anyway), until the first true.
/// </summary>
internal interface ISourceSites
{
    bool MayStartTaint(IOperation operation);
}
