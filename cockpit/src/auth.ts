/**
 * Login through the city's Keycloak with the authorization code flow and PKCE (oidc-client-ts does the
 * protocol: state, nonce, code verifier, token refresh). The realm is the one the gateway trusts, which the
 * gateway names (see issuer()), so no deployment needs a cockpit-specific setting.
 */
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

export const CLIENT_ID = 'citykpi-cockpit';

export interface Session {
  user: User;
  username: string;
  roles: string[];
  orgUnit: string | undefined;
  /** The hash route the user wanted before the login redirect. */
  returnTo: string | undefined;
}

let manager: UserManager | undefined;

/**
 * The realm's issuer: the gateway names it in a header of the page itself (CityKPI-Issuer, from its
 * quarkus.oidc.auth-server-url), else in its OpenAPI document (securitySchemes, openIdConnectUrl). Remembered
 * for the browser session.
 */
async function issuer(gatewayUrl: string): Promise<string> {
  const remembered = sessionStorage.getItem('citykpi.issuer');
  if (remembered) {
    return remembered;
  }
  const page = await fetch(pageUrl(), { method: 'HEAD', cache: 'no-store' }).catch(() => undefined);
  let url = page?.headers.get('CityKPI-Issuer')?.replace(/\/+$/, '');
  if (!url) {
    const response = await fetch(`${gatewayUrl}/q/openapi?format=json`, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`the page names no realm and the gateway's OpenAPI document answered ${response.status}`);
    }
    const document = await response.json();
    const schemes: Record<string, { type?: string; openIdConnectUrl?: string }> = document?.components?.securitySchemes ?? {};
    const discovery = Object.values(schemes).find((s) => s.type === 'openIdConnect')?.openIdConnectUrl;
    if (!discovery) {
      throw new Error("the gateway's OpenAPI document names no OpenID Connect realm");
    }
    url = discovery.replace(/\/\.well-known\/openid-configuration$/, '');
  }
  sessionStorage.setItem('citykpi.issuer', url);
  return url;
}

/** The page itself (without query and hash) is the redirect URI the realm allows (…/cockpit/*). */
function pageUrl(): string {
  return window.location.origin + window.location.pathname;
}

function claims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
}

function session(user: User): Session {
  const access = claims(user.access_token);
  const realmAccess = access['realm_access'] as { roles?: string[] } | undefined;
  return {
    user,
    username: String(access['preferred_username'] ?? user.profile.preferred_username ?? user.profile.sub),
    roles: realmAccess?.roles ?? [],
    orgUnit: typeof access['orgUnit'] === 'string' ? (access['orgUnit'] as string) : undefined,
    returnTo: typeof user.state === 'string' ? user.state : undefined,
  };
}

/**
 * The signed-in user: completes a login that Keycloak redirected back with, or starts one (the browser
 * leaves the page and this promise never settles).
 */
export async function signIn(gatewayUrl: string): Promise<Session> {
  manager = new UserManager({
    authority: await issuer(gatewayUrl),
    client_id: CLIENT_ID,
    redirect_uri: pageUrl(),
    post_logout_redirect_uri: pageUrl(),
    response_type: 'code',
    scope: 'openid',
    // Tokens live 15 minutes; the refresh token renews them while the page is open.
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
  const params = new URLSearchParams(window.location.search);
  if (params.has('code') && params.has('state')) {
    const user = await manager.signinRedirectCallback();
    const s = session(user);
    window.history.replaceState(null, '', pageUrl() + (s.returnTo ?? ''));
    return s;
  }
  if (params.has('error')) {
    throw new Error(`login failed: ${params.get('error')} ${params.get('error_description') ?? ''}`);
  }
  const user = await manager.getUser();
  if (user && !user.expired) {
    return session(user);
  }
  await manager.signinRedirect({ state: window.location.hash });
  return new Promise<Session>(() => {});
}

/** The current access token, renewed first when it is about to expire. */
export async function accessToken(): Promise<string | undefined> {
  if (!manager) {
    return undefined;
  }
  let user = await manager.getUser();
  if (user && (user.expires_in ?? 0) < 30) {
    user = await manager.signinSilent().catch(() => null);
  }
  return user?.access_token;
}

export async function signOut(): Promise<void> {
  await manager?.signoutRedirect();
}
