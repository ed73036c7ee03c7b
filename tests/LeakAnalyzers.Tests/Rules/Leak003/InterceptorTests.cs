using Xunit;
using Verifier = LeakAnalyzers.Tests.Verification.Verify<LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer>;

namespace LeakAnalyzers.Tests.Rules.Leak003;

/// <summary>LEAK003 in gRPC interceptors: a catch-all around the continuation turns NotFound into Internal.</summary>
public class InterceptorTests
{
    private static string Interceptor(string catchClauses) => """
        using Grpc.Core;
        using Grpc.Core.Interceptors;

        public sealed class ErrorInterceptor : Interceptor
        {
            public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
                TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
            {
                try
                {
                    return await continuation(request, context);
                }
                CATCH
            }
        }
        """.Replace("CATCH", catchClauses);

    [Fact]
    public async Task Catch_all_rethrowing_as_internal_is_reported()
    {
        await Verifier.DiagnosticsAsync(Interceptor("""
            [|catch (Exception ex)|]
                    {
                        Console.WriteLine(ex.GetType().Name.Length);
                        throw new RpcException(new Status(StatusCode.Internal, "Internal error"));
                    }
            """));
    }

    [Fact]
    public async Task Earlier_rpc_exception_clause_passes()
    {
        await Verifier.DiagnosticsAsync(Interceptor("""
            catch (RpcException)
                    {
                        throw;
                    }
                    catch (Exception)
                    {
                        throw new RpcException(new Status(StatusCode.Internal, "Internal error"));
                    }
            """));
    }

    [Fact]
    public async Task Mapping_the_rpc_status_passes()
    {
        await Verifier.DiagnosticsAsync(Interceptor("""
            catch (Exception ex)
                    {
                        var code = ex is RpcException rpc ? rpc.StatusCode : StatusCode.Internal;
                        throw new RpcException(new Status(code, "failed"));
                    }
            """));
    }

    [Fact]
    public async Task Catch_around_base_handler_is_reported()
    {
        await Verifier.DiagnosticsAsync("""
            using Grpc.Core;
            using Grpc.Core.Interceptors;

            public sealed class ErrorInterceptor : Interceptor
            {
                public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
                    TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
                {
                    try
                    {
                        return await base.UnaryServerHandler(request, context, continuation);
                    }
                    [|catch|]
                    {
                        throw new RpcException(new Status(StatusCode.Unknown, "failed"));
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Message_for_one_type_is_singular()
    {
        var source = Interceptor("""
            catch (Exception)
                    {
                        throw new RpcException(new Status(StatusCode.Internal, "Internal error"));
                    }
            """);
        var solution = Verification.TestWorkspace.Create(new[] { source }, Array.Empty<(string, string)>(), null, true, null);
        var diagnostics = await Verification.AnalyzerRunner.GetDiagnosticsAsync(
            solution.Projects.Single(),
            System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new LeakAnalyzers.Rules.CatchAllSwallowsHttpErrorsAnalyzer()));
        Assert.Equal(
            "This catch-all handler turns RpcException into a 500 response; let it through or map it to its own status",
            Assert.Single(diagnostics).GetMessage());
    }
}
