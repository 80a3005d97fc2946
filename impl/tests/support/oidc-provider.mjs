// An OpenID Connect provider on loopback for the federation tests:
// `oidc-provider` (OpenID Certified), with its own sign-in pages, the
// clients and accounts the test names, and nothing written here beyond
// that configuration.
//
// Usage: node oidc-provider.mjs CONFIG.json
//   CONFIG: {"clients": [{"client_id", "client_secret", "redirect_uris"}],
//            "accounts": {"<login>": {"email", "email_verified", "name"}},
//            "id_token_ttl_seconds": 3600, "issuer": "<url>"}
// The package is imported from $OIDC_PROVIDER_MODULES (a node_modules
// directory). Listens on 127.0.0.1 and a port of its own, which is its
// issuer unless CONFIG names another (a proxy in front of it). Prints
// `issuer <issuer> at <url it listens at>` once it answers; stops when
// stdin closes.

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const modules = process.env.OIDC_PROVIDER_MODULES;
if (!modules) {
  console.error('OIDC_PROVIDER_MODULES must name the node_modules directory holding oidc-provider');
  process.exit(2);
}
const { default: Provider } = await import(pathToFileURL(join(modules, 'oidc-provider', 'lib', 'index.js')).href);

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const listening = `http://127.0.0.1:${server.address().port}`;
const issuer = config.issuer ?? listening;

const provider = new Provider(issuer, {
  clients: config.clients.map((client) => ({ grant_types: ['authorization_code'], response_types: ['code'], ...client })),
  // A login is an account id: the provider's own sign-in page asks for it.
  async findAccount(_ctx, id) {
    const account = config.accounts[id];
    if (!account) {
      return undefined;
    }
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // As Google's do, ID tokens carry the claims of the scopes granted.
  conformIdTokenClaims: false,
  // The test's clients are first-party: consent is taken as given.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  ttl: { IdToken: config.id_token_ttl_seconds ?? 3600 },
  pkce: { required: () => true },
  // HS256 too, signed with the client secret, for a client that asks for it.
  enabledJWA: { idTokenSigningAlgValues: ['RS256', 'HS256'] },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
});
// Its warnings about development settings are expected here.
provider.on('server_error', (_ctx, error) => console.error('provider error:', error));
server.on('request', provider.callback());

console.log(`issuer ${issuer} at ${listening}`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
