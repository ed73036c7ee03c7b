using Microsoft.CodeAnalysis;

namespace LeakAnalyzers.Flow;

/// <summary>
/// Whether <paramref name="operation"/> can bring sensitive data into a block by itself (see <see cref="SourceScan"/>).
/// It is asked of every operation with a type in a scanned block, so the scan hands over the operation's kind and type,
/// which it has already read.
/// </summary>
internal delegate bool SourceOracle(IOperation operation, OperationKind kind, ITypeSymbol type);
