// Stub of Grpc.Core (not served by this machine's registry): real full names, minimal members.
namespace Grpc.Core
{
    public enum StatusCode { OK = 0, Cancelled = 1, Unknown = 2, InvalidArgument = 3, DeadlineExceeded = 4, NotFound = 5, AlreadyExists = 6, PermissionDenied = 7, Internal = 13, Unavailable = 14, Unauthenticated = 16 }

    public struct Status
    {
        public Status(StatusCode statusCode, string detail) { StatusCode = statusCode; Detail = detail; DebugException = null; }
        public Status(StatusCode statusCode, string detail, System.Exception? debugException) { StatusCode = statusCode; Detail = detail; DebugException = debugException; }
        public StatusCode StatusCode { get; }
        public string Detail { get; }
        public System.Exception? DebugException { get; }
    }

    public sealed class Metadata : System.Collections.Generic.IEnumerable<Metadata.Entry>
    {
        public void Add(string key, string value) { }
        public void Add(string key, byte[] valueBytes) { }
        public void Add(Entry entry) { }
        public System.Collections.Generic.IEnumerator<Entry> GetEnumerator() => throw null!;
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => throw null!;
        public sealed class Entry
        {
            public Entry(string key, string value) { Key = key; Value = value; }
            public string Key { get; }
            public string Value { get; }
        }
    }

    public class RpcException : System.Exception
    {
        public RpcException(Status status) : base(status.Detail) { Status = status; Trailers = new Metadata(); }
        public RpcException(Status status, string message) : base(message) { Status = status; Trailers = new Metadata(); }
        public RpcException(Status status, Metadata trailers) : base(status.Detail) { Status = status; Trailers = trailers; }
        public RpcException(Status status, Metadata trailers, string message) : base(message) { Status = status; Trailers = trailers; }
        public Status Status { get; }
        public StatusCode StatusCode => Status.StatusCode;
        public Metadata Trailers { get; }
    }

    public abstract class ServerCallContext
    {
        public Metadata RequestHeaders => throw null!;
        public Metadata ResponseTrailers => throw null!;
        public Status Status { get; set; }
        public System.Threading.CancellationToken CancellationToken => default;
        public string Method => throw null!;
        public System.Threading.Tasks.Task WriteResponseHeadersAsync(Metadata responseHeaders) => System.Threading.Tasks.Task.CompletedTask;
    }

    public interface IServerStreamWriter<in T>
    {
        System.Threading.Tasks.Task WriteAsync(T message);
    }

    public delegate System.Threading.Tasks.Task<TResponse> UnaryServerMethod<TRequest, TResponse>(TRequest request, ServerCallContext context)
        where TRequest : class where TResponse : class;
}

namespace Grpc.Core.Interceptors
{
    public abstract class Interceptor
    {
        public virtual System.Threading.Tasks.Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, Grpc.Core.ServerCallContext context, Grpc.Core.UnaryServerMethod<TRequest, TResponse> continuation)
            where TRequest : class where TResponse : class => continuation(request, context);
    }
}

namespace Grpc.AspNetCore.Server
{
    public class GrpcServiceOptions
    {
        public bool? EnableDetailedErrors { get; set; }
    }
}
