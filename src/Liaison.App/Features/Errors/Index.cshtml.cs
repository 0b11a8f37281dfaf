using Liaison.Domain.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.App.Features.Errors;

/// <summary>
/// What a browser sees when a page cannot be shown (the API answers ProblemDetails instead): the
/// status in the person's language, why it may be, and a way back. Status code pages and the
/// exception handler re-execute here for every path outside /api.
/// </summary>
public sealed class IndexModel : PageModel
{
    public int Status { get; private set; }
    public Term Title { get; private set; }
    public Term Explanation { get; private set; }
    /// <summary>Where the person came from, when it was a page of this site.</summary>
    public string? Back { get; private set; }

    public void OnGet(int code)
    {
        // Opened directly (/error/404), the page answers with that status too; re-executed, the original status stands.
        Status = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null
            ? Response.StatusCode
            : code is >= 400 and < 600 ? code : 404;
        Response.StatusCode = Status;
        (Title, Explanation) = Status switch
        {
            403 => (Words.NotAllowed, new Term("您的账户没有权限执行此操作。如确需办理，请联系上级驻村办或系统管理员。", "Your account may not do this. If it must be done, ask the programme office above you or the administrator.")),
            404 => (new Term("页面不存在", "Page not found"), new Term("您要找的内容不存在，或不在您的管辖范围内。", "What you are looking for does not exist, or lies outside your jurisdiction.")),
            429 => (new Term("请求过于频繁", "Too many requests"), new Term("请稍等一分钟再试。", "Please wait a minute and try again.")),
            503 => (new Term("系统暂时不可用", "Temporarily unavailable"), new Term("数据库暂时无法访问，请稍后重试，已填写的内容不会丢失。", "The database cannot be reached for now; try again shortly.")),
            >= 500 => (new Term("系统出错了", "Something went wrong"), new Term("出错已记录，请稍后重试；如问题持续，请联系系统管理员。", "The error has been logged. Try again later; if it persists, tell the administrator.")),
            _ => (new Term("无法处理此请求", "The request could not be handled"), new Term("请返回上一页重试。", "Go back and try again.")),
        };
        Back = Request.Headers.Referer.ToString() is { Length: > 0 } referer && Uri.TryCreate(referer, UriKind.Absolute, out var uri)
            && uri.Host == Request.Host.Host && uri.PathAndQuery != (Request.Path + Request.QueryString).ToString() ? uri.PathAndQuery : null;
    }
}
