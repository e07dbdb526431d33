using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace QuestMesh.Gateway.Limits;

/// <summary>
/// Bodies larger than <see cref="GatewayOptions.MaxRequestBytes"/> answer 413 with problem details. A
/// declared length is refused before anything is read or forwarded; a body sent without one (chunked)
/// is cut where it passes the limit, and the forwarding error that causes is answered as 413 too.
/// Kestrel's own <c>MaxRequestBodySize</c> is set to the same figure.
/// </summary>
internal static class RequestSizeLimit
{
    public static IApplicationBuilder UseRequestSizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var max = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBytes;
            if (context.Request.ContentLength is { } length && length > max)
            {
                await RejectAsync(context, $"The body has {length} bytes; the gateway accepts at most {max} (Gateway:MaxRequestBytes).");
                return;
            }
            if (context.Request.ContentLength is null)
                context.Request.Body = new LimitedReadStream(context.Request.Body, max);
            await next(context);
        });

    /// <summary>In the proxy pipeline: a forward that failed because the body passed the limit answers 413.</summary>
    public static IReverseProxyApplicationBuilder UseOversizedBodyAnswer(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();
            var error = context.GetForwarderErrorFeature();
            if (error?.Exception is { } exception && IsTooLarge(exception) && !context.Response.HasStarted)
            {
                var max = context.RequestServices.GetRequiredService<IOptions<GatewayOptions>>().Value.MaxRequestBytes;
                await RejectAsync(context, $"The body passed the {max} bytes the gateway accepts (Gateway:MaxRequestBytes).");
            }
        });
        return proxy;
    }

    private static bool IsTooLarge(Exception exception)
    {
        for (var e = (Exception?)exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
                return true;
        }
        return false;
    }

    private static Task RejectAsync(HttpContext context, string detail)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = detail,
            },
        }).AsTask();
    }
}

/// <summary>Reads through to the request body and throws Kestrel's own 413 error once more than the limit was read.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
            throw new BadHttpRequestException($"The request body passed {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
