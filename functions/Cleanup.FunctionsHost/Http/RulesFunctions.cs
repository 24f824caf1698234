using Cleanup.Api.Rules;
using Cleanup.Engine.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Cleanup.FunctionsHost.Http;

/// <summary>The <c>rules</c> routes of <see cref="RulesApi"/> (literal segments such as "settings" win over <c>{id}</c>).</summary>
public sealed class RulesFunctions(IRuleStore store, ILibrarySnapshotStore snapshots, TimeProvider time)
{
    [Function("GetRules")]
    public Task<IActionResult> GetRules([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rules")] HttpRequest req) =>
        ApiAccess.RunAsync(req, () => RulesApi.GetRules(store, req.HttpContext.RequestAborted));

    [Function("GetRuleSettings")]
    public Task<IActionResult> GetSettings([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rules/settings")] HttpRequest req) =>
        ApiAccess.RunAsync(req, () => RulesApi.GetSettings(req.HttpContext.Response, store, req.HttpContext.RequestAborted));

    [Function("ReplaceRuleSettings")]
    public Task<IActionResult> ReplaceSettings([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "rules/settings")] HttpRequest req) =>
        ApiAccess.RunAsync(req, () => RulesApi.ReplaceSettings(req, store, req.HttpContext.RequestAborted));

    [Function("PreviewRules")]
    public Task<IActionResult> Preview([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "rules/preview")] HttpRequest req) =>
        ApiAccess.RunAsync(req, () => RulesApi.Preview(req, store, snapshots, time, req.HttpContext.RequestAborted));

    [Function("GetRule")]
    public Task<IActionResult> GetRule([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rules/{id}")] HttpRequest req, string id) =>
        ApiAccess.RunAsync(req, () => RulesApi.GetRule(id, req.HttpContext.Response, store, req.HttpContext.RequestAborted));

    [Function("AddRule")]
    public Task<IActionResult> AddRule([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "rules")] HttpRequest req) =>
        ApiAccess.RunAsync(req, () => RulesApi.AddRule(req, store, req.HttpContext.RequestAborted));

    [Function("ReplaceRule")]
    public Task<IActionResult> ReplaceRule([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "rules/{id}")] HttpRequest req, string id) =>
        ApiAccess.RunAsync(req, () => RulesApi.ReplaceRule(id, req, store, req.HttpContext.RequestAborted));

    [Function("DeleteRule")]
    public Task<IActionResult> DeleteRule([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "rules/{id}")] HttpRequest req, string id) =>
        ApiAccess.RunAsync(req, () => RulesApi.DeleteRule(id, req, store, req.HttpContext.RequestAborted));
}
