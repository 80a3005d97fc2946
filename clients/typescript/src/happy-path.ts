// The happy path through the typed client: register, sign in, read and
// rename the profile, refresh, sign out everywhere, and see the old token
// refused. Usage: node dist/happy-path.js BASE_URL
import assert from "node:assert/strict";
import createClient from "openapi-fetch";

import type { paths } from "./schema.js";

const baseUrl = process.argv[2];
if (!baseUrl) {
  console.error("usage: node dist/happy-path.js BASE_URL");
  process.exit(2);
}

const client = createClient<paths>({ baseUrl });
const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

const email = `typescript-${Date.now()}-${Math.random().toString(36).slice(2, 10)}@example.com`;
const password = `TypeScript client ${Math.random().toString(36).slice(2)}`;

const registered = await client.POST("/auth/register", { body: { email, password, name: "Type Script" } });
assert.equal(registered.response.status, 201, JSON.stringify(registered.error));
assert.equal(registered.data?.email, email);
assert.equal(registered.data?.mfaEnabled, false);

const login = await client.POST("/auth/login", { body: { email, password } });
assert.equal(login.response.status, 200, JSON.stringify(login.error));
const signedIn = login.data;
assert.ok(signedIn && !signedIn.mfaRequired && signedIn.accessToken && signedIn.refreshToken, "tokens");
const { accessToken, refreshToken } = signedIn;

const me = await client.GET("/users/me", bearer(accessToken));
assert.equal(me.data?.id, registered.data?.id);

const renamed = await client.PATCH("/users/me", { ...bearer(accessToken), body: { name: "Type Script Renamed" } });
assert.equal(renamed.data?.name, "Type Script Renamed");

const refreshed = await client.POST("/auth/token/refresh", { body: { refreshToken } });
assert.equal(refreshed.response.status, 200, JSON.stringify(refreshed.error));
assert.ok(refreshed.data);
assert.notEqual(refreshed.data.refreshToken, refreshToken);

const logout = await client.POST("/auth/logout", bearer(refreshed.data.accessToken));
assert.equal(logout.response.status, 204);

const refused = await client.GET("/users/me", bearer(accessToken));
assert.equal(refused.response.status, 401);
assert.equal(refused.error?.code, "unauthenticated");
assert.ok(refused.response.headers.get("www-authenticate")?.startsWith("Bearer"));

console.log(`typescript client: happy path passed against ${baseUrl}`);
