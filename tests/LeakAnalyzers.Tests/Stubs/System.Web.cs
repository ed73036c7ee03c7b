// Stub of classic System.Web and System.Web.Mvc (.NET Framework): real full names, minimal members.
namespace System.Web
{
    public class HttpException : Exception
    {
        public HttpException(int httpCode, string message) : base(message) { StatusCode = httpCode; }
        public int GetHttpCode() => StatusCode;
        private int StatusCode { get; }
    }

    public class HttpResponse
    {
        public int StatusCode { get; set; }
        public string StatusDescription { get; set; } = "";
        public void Write(string s) { }
        public void Write(object obj) { }
        public void AddHeader(string name, string value) { }
        public void AppendHeader(string name, string value) { }
    }

    public class HttpServerUtility
    {
        public Exception GetLastError() => throw null!;
        public void ClearError() { }
    }

    public class HttpContext
    {
        public static HttpContext Current { get; set; } = null!;
        public HttpResponse Response { get; } = new HttpResponse();
        public HttpServerUtility Server { get; } = new HttpServerUtility();
    }
}

namespace System.Web.Mvc
{
    public abstract class ActionResult
    {
    }

    public class ContentResult : ActionResult
    {
        public string Content { get; set; } = "";
    }

    public class JsonResult : ActionResult
    {
        public object Data { get; set; } = null!;
    }

    public class HttpStatusCodeResult : ActionResult
    {
        public HttpStatusCodeResult(int statusCode) { }
        public HttpStatusCodeResult(int statusCode, string statusDescription) { }
        public HttpStatusCodeResult(System.Net.HttpStatusCode statusCode, string statusDescription) { }
    }

    public class ViewResult : ActionResult
    {
    }

    public class PartialViewResult : ActionResult
    {
    }

    public class ModelStateDictionary
    {
        public void AddModelError(string key, Exception exception) { }
        public void AddModelError(string key, string errorMessage) { }
    }

    public class ViewDataDictionary
    {
        public object this[string key] { get => throw null!; set { } }
        public ModelStateDictionary ModelState { get; } = new ModelStateDictionary();
    }

    public class TempDataDictionary
    {
        public object this[string key] { get => throw null!; set { } }
    }

    public abstract class ControllerBase
    {
        public dynamic ViewBag => throw null!;
        public ViewDataDictionary ViewData { get; set; } = new ViewDataDictionary();
        public TempDataDictionary TempData { get; set; } = new TempDataDictionary();
    }

    public abstract class Controller : ControllerBase
    {
        public System.Web.HttpContext HttpContext => throw null!;
        public System.Web.HttpResponse Response => throw null!;
        public ModelStateDictionary ModelState => ViewData.ModelState;
        protected internal ViewResult View() => throw null!;
        protected internal ViewResult View(object model) => throw null!;
        protected internal ViewResult View(string viewName) => throw null!;
        protected internal ViewResult View(string viewName, object model) => throw null!;
        protected internal PartialViewResult PartialView(string viewName, object model) => throw null!;
        protected internal ContentResult Content(string content) => throw null!;
        protected internal ContentResult Content(string content, string contentType) => throw null!;
        protected internal JsonResult Json(object data) => throw null!;
        protected internal JsonResult Json(object data, JsonRequestBehavior behavior) => throw null!;
    }

    public enum JsonRequestBehavior { AllowGet, DenyGet }
}
