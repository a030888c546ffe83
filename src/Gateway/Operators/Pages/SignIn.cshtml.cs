using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Provisioning.Gateway.Operators.Pages;

/// <summary>Exchanges the admin or read key for the console's session cookie.</summary>
[AllowAnonymous]
public sealed class SignInModel(OperatorRoles roles) : PageModel
{
    public bool Refused { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromForm] string? key)
    {
        if (roles.RoleOf(key) is not { } role)
        {
            Refused = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], OperatorRoles.Scheme);
        await HttpContext.SignInAsync(OperatorRoles.Scheme, new ClaimsPrincipal(identity));
        return LocalRedirect("/console");
    }
}
