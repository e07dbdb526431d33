using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace QuestMesh.Orchestrator.Dashboard;

public static class DashboardExtensions
{
    /// <summary>Where the dashboard is served; the gateway routes the same prefix.</summary>
    public const string Path = "/dashboard";

    /// <summary>The embedded resources' prefix (see the project file: <c>Dashboard/wwwroot/*</c>).</summary>
    private const string ResourcePrefix = "QuestMesh.Orchestrator.Dashboard.wwwroot";

    // The pages load nothing but their own files and the API of the same origin; data is only ever set as text.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The web dashboard at <c>/dashboard/</c>: static files embedded in this assembly (no build step, nothing
    /// fetched from elsewhere) that read the runs API and its event streams from the browser. The files hold
    /// no data, so they need no tenant; every API call they make goes through the API's own checks.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(DashboardExtensions).Assembly, ResourcePrefix);
        // A relative redirect to the folder: behind the gateway the host the browser used is not the one this
        // process sees. (Middleware, not an endpoint: an endpoint at /dashboard would also take /dashboard/.)
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value != Path)
                return next(context);
            context.Response.Redirect("dashboard/");
            return Task.CompletedTask;
        });
        app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = Path, FileProvider = files, RedirectToAppendTrailingSlash = false });
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path,
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = "no-cache";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
            },
        });
        return app;
    }
}
