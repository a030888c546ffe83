using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Provisioning.KooGallery.Login;

/// <summary>
/// Calls a tenant's auth center (kit §D.2, §D.3) at the address its tenantSync gave. Each attempt has the timeout of
/// <see cref="TenantAuthCenterOptions.Timeout"/>. Failures are answered, not thrown (<see cref="AuthCenterResult{T}"/>);
/// no result, message or exception holds a code, token, ticket or secret. Registered by
/// <see cref="TenantAuthCenterServiceCollectionExtensions.AddKooGalleryTenantAuthCenter"/>.
/// </summary>
public sealed class TenantAuthCenterClient(HttpClient http, IOptions<TenantAuthCenterOptions> options)
{
    /// <summary>
    /// Exchanges an authorization code for tokens (<c>grant_type=authorization_code</c>). It is sent once, never
    /// retried: a code is single use, so a second attempt after a lost answer would only earn <c>invalid_grant</c>.
    /// </summary>
    /// <param name="redirectUri">The callback the code was sent to, when the authorization request named one.</param>
    /// <param name="codeVerifier">The PKCE verifier whose challenge the authorization request carried, if any.</param>
    public Task<AuthCenterResult<AuthCenterTokens>> ExchangeCodeAsync(AuthCenterAddress authCenter, TenantClientCredentials client,
        string code, string? redirectUri, string? codeVerifier, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var form = new List<KeyValuePair<string, string>> { new("code", code) };
        if (!string.IsNullOrEmpty(redirectUri)) form.Add(new("redirect_uri", redirectUri));
        form.Add(new("grant_type", "authorization_code"));
        if (!string.IsNullOrEmpty(codeVerifier)) form.Add(new("code_verifier", codeVerifier));
        return TokenAsync(authCenter, client, form, attempts: 1, new SentSecrets(client?.ClientSecret, code, codeVerifier), ct);
    }

    /// <summary>Renews the tokens with a refresh token (<c>grant_type=refresh_token</c>); a transient failure is tried once more.</summary>
    public Task<AuthCenterResult<AuthCenterTokens>> RefreshAsync(AuthCenterAddress authCenter, TenantClientCredentials client,
        string refreshToken, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        return TokenAsync(authCenter, client, [new("refresh_token", refreshToken), new("grant_type", "refresh_token")], attempts: 2,
            new SentSecrets(client?.ClientSecret, refreshToken), ct);
    }

    /// <summary>Reads the logged-in user with an access token; a transient failure is tried once more.</summary>
    public Task<AuthCenterResult<AuthCenterUser>> GetUserAsync(AuthCenterAddress authCenter, string accessToken, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(authCenter);
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        var sent = new SentSecrets(accessToken);
        return SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, authCenter.At("/api/v1/oauth2/userinfo"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return request;
        }, attempts: 2, (status, body) => AuthCenterAnswer.User(status, body, sent), "userinfo", sent, ct);
    }

    /// <summary>
    /// Validates a CAS 3.0 service ticket (<c>/api/v1/cas/p3/serviceValidate</c>), asking for <paramref name="format"/>
    /// explicitly; either form is read. It is sent once, never retried: a ticket is single use.
    /// </summary>
    /// <param name="service">The registered callback the ticket was issued for, exactly as the login request named it.</param>
    public Task<AuthCenterResult<CasUser>> ValidateTicketAsync(AuthCenterAddress authCenter, string service, string ticket, CasFormat format,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(authCenter);
        ArgumentException.ThrowIfNullOrEmpty(service);
        ArgumentException.ThrowIfNullOrEmpty(ticket);
        var url = authCenter.At("/api/v1/cas/p3/serviceValidate")
                  + LoginUrls.Query([("service", service), ("ticket", ticket), ("format", format == CasFormat.Json ? "JSON" : "XML")]);
        var sent = new SentSecrets(ticket);
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), attempts: 1,
            (status, body) => CasAnswer.Read(status, body, sent), "CAS ticket validation", sent, ct);
    }

    private Task<AuthCenterResult<AuthCenterTokens>> TokenAsync(AuthCenterAddress authCenter, TenantClientCredentials client,
        IEnumerable<KeyValuePair<string, string>> grant, int attempts, SentSecrets sent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(authCenter);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(client.ClientId);
        ArgumentException.ThrowIfNullOrEmpty(client.ClientSecret);
        KeyValuePair<string, string>[] form = [new("client_id", client.ClientId), new("client_secret", client.ClientSecret), .. grant];
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Post, authCenter.At("/api/v1/oauth2/token")) { Content = new FormUrlEncodedContent(form) },
            attempts, (status, body) => AuthCenterAnswer.Tokens(status, body, sent), "token", sent, ct);
    }

    private async Task<AuthCenterResult<T>> SendAsync<T>(Func<HttpRequestMessage> create, int attempts,
        Func<int, byte[], AuthCenterResult<T>> read, string what, SentSecrets sent, CancellationToken ct) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await AttemptAsync(create, read, what, sent, ct).ConfigureAwait(false);
            if (!result.IsTransient || attempt >= attempts) return result;
        }
    }

    private async Task<AuthCenterResult<T>> AttemptAsync<T>(Func<HttpRequestMessage> create, Func<int, byte[], AuthCenterResult<T>> read,
        string what, SentSecrets sent, CancellationToken ct) where T : class
    {
        var timeout = options.Value.Timeout;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attempt.CancelAfter(timeout);
        using var request = create();
        try
        {
            using var response = await http.SendAsync(request, attempt.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(attempt.Token).ConfigureAwait(false);
            return read((int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return AuthCenterResult<T>.Failed(AuthCenterFailure.Transient, "", null,
                string.Create(CultureInfo.InvariantCulture, $"The auth center's {what} endpoint did not answer within {timeout.TotalSeconds:0.###} s; try again later."));
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            return AuthCenterAnswer.Unreadable<T>(null, what, "the answer is larger than the client reads");
        }
        catch (HttpRequestException e)
        {
            return AuthCenterResult<T>.Failed(AuthCenterFailure.Transient, "", null,
                $"The auth center's {what} endpoint could not be reached: {sent.Scrub(e.Message)}");
        }
    }
}
