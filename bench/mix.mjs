// The seed workload, open loop: sign-in, registration and refresh, each
// sent at its own constant arrival rate by loadtest (whatever the server's
// answers, so a slow server meets a growing queue, not a slower client),
// every request timed from the moment it was due.
//
// Usage: LOADTEST_MODULES=DIR node bench/mix.mjs CONFIG.json, with loadtest
// installed in DIR (a node_modules directory: scripts/bench passes the
// pinned tools' one).
// CONFIG: {"base": URL, "seconds": S, "rates": {"signIn": R, "register": R, "refresh": R},
//          "accounts": [email, ...], "password": P, "refreshTokens": [token, ...],
//          "registerPrefix": "mix-1", "samples": PATH}
// Writes one line per request to PATH: `op,startMs,latencyMs,status`
// (status 0: no answer), and a summary as JSON on stdout.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const modules = process.env.LOADTEST_MODULES;
const { loadTest } = await import(pathToFileURL(path.join(modules, 'loadtest', 'index.js')).href);

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const started = Date.now();
const samples = fs.createWriteStream(config.samples);
const summary = {};

// Refresh tokens waiting for their turn; each is used once, and the one a
// refresh answers with goes back in line.
const refreshTokens = [...config.refreshTokens];
let account = 0;
let registration = 0;

const operations = {
    signIn: {
        path: '/auth/login',
        body: () => {
            account = (account + 1) % config.accounts.length;
            return { email: config.accounts[account], password: config.password };
        },
    },
    register: {
        path: '/auth/register',
        body: () => {
            registration += 1;
            return {
                email: `${config.registerPrefix}-${registration}@bench.example`,
                password: config.password,
                name: 'Bench Mark',
            };
        },
    },
    refresh: {
        path: '/auth/token/refresh',
        body: () => ({ refreshToken: refreshTokens.shift() ?? 'exhausted' }),
        answer: (result) => {
            try {
                refreshTokens.push(JSON.parse(result.body).refreshToken);
            } catch {
                // Counted as an error by its status; the session is gone.
            }
        },
    },
};

function run(name, operation, rate) {
    const requests = Math.round(rate * config.seconds);
    summary[name] = { sent: requests, answered: 0, statuses: {}, unanswered: 0 };
    if (requests === 0) {
        return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
        loadTest(
            {
                url: config.base + operation.path,
                method: 'POST',
                contentType: 'application/json',
                body: () => JSON.stringify(operation.body()),
                requestsPerSecond: rate,
                maxRequests: requests,
                agentKeepAlive: true,
                timeout: 30000,
                quiet: true,
                statusCallback: (error, result) => {
                    const end = Date.now() - started;
                    const status = result?.statusCode ?? 0;
                    const latency = result?.requestElapsed ?? 0;
                    const entry = summary[name];
                    if (result) {
                        entry.answered += 1;
                        entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
                        if (status === 200 && operation.answer) {
                            operation.answer(result);
                        }
                    } else {
                        entry.unanswered += 1;
                    }
                    samples.write(`${name},${(end - latency).toFixed(1)},${latency.toFixed(2)},${status}\n`);
                },
            },
            (error) => (error ? reject(error) : resolve()),
        );
    });
}

await Promise.all(Object.entries(operations).map(([name, operation]) => run(name, operation, config.rates[name] ?? 0)));
await new Promise((resolve) => samples.end(resolve));
process.stdout.write(JSON.stringify({ seconds: (Date.now() - started) / 1000, operations: summary }) + '\n');
