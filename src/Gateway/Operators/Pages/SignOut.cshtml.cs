using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Provisioning.Gateway.Operators.Pages;

/// <summary>Ends the console session (a POST, with its anti-forgery token, so no other site can sign an operator out).</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/console");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(OperatorRoles.Scheme);
        return LocalRedirect("/console/signin");
    }
}
