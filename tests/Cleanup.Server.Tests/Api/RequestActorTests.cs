using System.Security.Claims;
using System.Text;
using Cleanup.Api;
using Microsoft.AspNetCore.Http;

namespace Cleanup.Server.Tests.Api;

/// <summary>Jobs, keeps and the audit name the same person the same way.</summary>
public sealed class RequestActorTests
{
    [Fact]
    public void The_signed_in_user_wins_then_the_static_web_apps_principal_then_anonymous()
    {
        var signedIn = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "alice")], "swa")) };
        var withHeader = new DefaultHttpContext();
        withHeader.Request.Headers[ClientPrincipal.HeaderName] = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"identityProvider":"github","userId":"1","userDetails":"bob","userRoles":["anonymous","authenticated","admin"]}"""));
        var garbled = new DefaultHttpContext();
        garbled.Request.Headers[ClientPrincipal.HeaderName] = "not base64 json";

        Assert.Equal("user:alice", RequestActor.Name(signedIn));
        Assert.Equal("user:bob", RequestActor.Name(withHeader));
        Assert.Equal("user:anonymous", RequestActor.Name(garbled));
        Assert.Equal("user:anonymous", RequestActor.Name(new DefaultHttpContext()));
    }
}
