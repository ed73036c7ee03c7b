// Stub of ASP.NET Web API 2 (System.Web.Http, System.Net.Http.Formatting): real full names, minimal members.
namespace System.Web.Http
{
    using System.Net;
    using System.Net.Http;

    public enum IncludeErrorDetailPolicy { Default = 0, LocalOnly = 1, Always = 2, Never = 3 }

    public class HttpConfiguration
    {
        public IncludeErrorDetailPolicy IncludeErrorDetailPolicy { get; set; }
    }

    public interface IHttpActionResult
    {
        System.Threading.Tasks.Task<HttpResponseMessage> ExecuteAsync(System.Threading.CancellationToken cancellationToken);
    }

    public class HttpResponseException : Exception
    {
        public HttpResponseException(HttpStatusCode statusCode) { Response = new HttpResponseMessage(statusCode); }
        public HttpResponseException(HttpResponseMessage response) { Response = response; }
        public HttpResponseMessage Response { get; }
    }

    public abstract class ApiController
    {
        public HttpRequestMessage Request { get; set; } = null!;
        public System.Web.Http.ModelBinding.ModelStateDictionary ModelState { get; } = new System.Web.Http.ModelBinding.ModelStateDictionary();
        protected internal virtual IHttpActionResult BadRequest(System.Web.Http.ModelBinding.ModelStateDictionary modelState) => throw null!;
        public HttpConfiguration Configuration { get; set; } = null!;
        protected internal virtual IHttpActionResult BadRequest() => throw null!;
        protected internal virtual IHttpActionResult BadRequest(string message) => throw null!;
        protected internal virtual IHttpActionResult Ok() => throw null!;
        protected internal virtual IHttpActionResult Ok<T>(T content) => throw null!;
        protected internal virtual IHttpActionResult NotFound() => throw null!;
        protected internal virtual System.Web.Http.Results.NegotiatedContentResult<T> Content<T>(HttpStatusCode statusCode, T value) => throw null!;
        protected internal virtual IHttpActionResult Json<T>(T content) => throw null!;
        protected internal virtual System.Web.Http.Results.InternalServerErrorResult InternalServerError() => throw null!;
        protected internal virtual System.Web.Http.Results.ExceptionResult InternalServerError(Exception exception) => throw null!;
        protected internal virtual IHttpActionResult ResponseMessage(HttpResponseMessage response) => throw null!;
    }
}

namespace System.Web.Http.ModelBinding
{
    public class ModelStateDictionary
    {
        public void AddModelError(string key, Exception exception) { }
        public void AddModelError(string key, string errorMessage) { }
    }
}

namespace System.Web.Http.Results
{
    using System.Net.Http;
    using System.Threading;
    using System.Threading.Tasks;

    // The concrete results the ApiController helpers return (real names): an action may be declared to return one.
    public class NegotiatedContentResult<T> : IHttpActionResult
    {
        public Task<HttpResponseMessage> ExecuteAsync(CancellationToken cancellationToken) => throw null!;
    }

    public class InternalServerErrorResult : IHttpActionResult
    {
        public Task<HttpResponseMessage> ExecuteAsync(CancellationToken cancellationToken) => throw null!;
    }

    public class ExceptionResult : IHttpActionResult
    {
        public Exception Exception => throw null!;
        public Task<HttpResponseMessage> ExecuteAsync(CancellationToken cancellationToken) => throw null!;
    }
}

namespace System.Web.Http.Filters
{
    using System.Net.Http;

    public class HttpActionExecutedContext
    {
        public Exception Exception { get; set; } = null!;
        public HttpResponseMessage Response { get; set; } = null!;
        public HttpRequestMessage Request => throw null!;
    }

    public interface IExceptionFilter
    {
        System.Threading.Tasks.Task ExecuteExceptionFilterAsync(HttpActionExecutedContext actionExecutedContext, System.Threading.CancellationToken cancellationToken);
    }

    public abstract class ExceptionFilterAttribute : Attribute, IExceptionFilter
    {
        public virtual void OnException(HttpActionExecutedContext actionExecutedContext) { }
        public virtual System.Threading.Tasks.Task OnExceptionAsync(HttpActionExecutedContext actionExecutedContext, System.Threading.CancellationToken cancellationToken) => System.Threading.Tasks.Task.CompletedTask;
        System.Threading.Tasks.Task IExceptionFilter.ExecuteExceptionFilterAsync(HttpActionExecutedContext c, System.Threading.CancellationToken t) => OnExceptionAsync(c, t);
    }
}

namespace System.Net.Http
{
    using System.Net;

    public static class HttpRequestMessageExtensions
    {
        public static HttpResponseMessage CreateResponse(this HttpRequestMessage request, HttpStatusCode statusCode) => throw null!;
        public static HttpResponseMessage CreateResponse<T>(this HttpRequestMessage request, HttpStatusCode statusCode, T value) => throw null!;
        public static HttpResponseMessage CreateResponse<T>(this HttpRequestMessage request, T value) => throw null!;
        public static HttpResponseMessage CreateErrorResponse(this HttpRequestMessage request, HttpStatusCode statusCode, string message) => throw null!;
        public static HttpResponseMessage CreateErrorResponse(this HttpRequestMessage request, HttpStatusCode statusCode, string message, Exception exception) => throw null!;
        public static HttpResponseMessage CreateErrorResponse(this HttpRequestMessage request, HttpStatusCode statusCode, Exception exception) => throw null!;
    }
}
