// Stub of Microsoft.AspNetCore.Diagnostics.EntityFrameworkCore (a NuGet package, not part of the ASP.NET Core
// reference pack): real full names, only the members LEAK005 looks for.
namespace Microsoft.AspNetCore.Builder
{
    public static class DatabaseErrorPageExtensions
    {
        [System.Obsolete("This is obsolete and will be removed in a future version. Use DatabaseDeveloperPageExceptionFilter instead.")]
        public static IApplicationBuilder UseDatabaseErrorPage(this IApplicationBuilder app) => app;
    }

    public static class MigrationsEndPointExtensions
    {
        public static IApplicationBuilder UseMigrationsEndPoint(this IApplicationBuilder app) => app;
    }
}
