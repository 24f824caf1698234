using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Cleanup.FunctionsHost.Http;

/// <summary>
/// The handlers return minimal-API results (<see cref="IResult"/>, TypedResults); the Functions ASP.NET Core
/// integration executes <see cref="IActionResult"/>. This runs the one as the other, on the same HttpContext.
/// </summary>
internal sealed class ResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
