// Runs infra/statemachine/seed.asl.json with the reference JSONata
// implementation against a stub of the seed function's task contract:
//   {"action":"exists","email"}                      -> {"exists": bool}
//   {"action":"signUp","email","password","name"}    -> {"userId"}
//   {"action":"login","email","password"}            -> {"userId"}
//   {"action":"logout","userId"}                     -> {"signedOut": true}

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { execute, substitute, TaskError, validate } from "./asl.mjs";

const DEFINITION_FILE = new URL("../statemachine/seed.asl.json", import.meta.url);
const FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:auth-SeedFunction-TEST";
const LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";

const raw = JSON.parse(readFileSync(DEFINITION_FILE, "utf8"));
const definition = substitute(raw, { SeedFunctionArn: FUNCTION_ARN });

const CONTRACT = {
    exists: ["action", "email"],
    signUp: ["action", "email", "password", "name"],
    login: ["action", "email", "password"],
    logout: ["action", "userId"],
};

/**
 * The seed function as the task contract describes it, over a set of
 * existing users. It checks every payload it gets against the contract.
 * `failures` maps an action to errors to throw, one per call, before it
 * answers normally.
 */
function seedStub(existing = {}, failures = {}) {
    const users = new Map(Object.entries(existing));
    const calls = [];
    let next = 1;
    const invoke = async (resource, args) => {
        assert.equal(resource, LAMBDA_INVOKE);
        assert.deepEqual(Object.keys(args).sort(), ["FunctionName", "Payload"]);
        assert.equal(args.FunctionName, FUNCTION_ARN);
        const payload = args.Payload;
        const fields = CONTRACT[payload.action];
        assert.ok(fields, `unknown action ${JSON.stringify(payload.action)}`);
        assert.deepEqual(Object.keys(payload).sort(), [...fields].sort(), `fields of ${payload.action}`);
        for (const field of fields) {
            assert.equal(typeof payload[field], "string", `${payload.action}.${field} is a string`);
            assert.notEqual(payload[field], "", `${payload.action}.${field} is not empty`);
        }
        calls.push(payload);
        const pending = failures[payload.action];
        if (pending && pending.length > 0) {
            throw pending.shift();
        }
        let answer;
        switch (payload.action) {
            case "exists":
                answer = { exists: users.has(payload.email) };
                break;
            case "signUp": {
                assert.ok(!users.has(payload.email), "signUp of an existing email");
                const userId = `00000000-0000-4000-8000-00000000000${next++}`;
                users.set(payload.email, { userId, password: payload.password, name: payload.name });
                answer = { userId };
                break;
            }
            case "login": {
                const user = users.get(payload.email);
                if (!user || user.password !== payload.password) {
                    throw new TaskError("NotAuthorized", "wrong email or password");
                }
                answer = { userId: user.userId };
                break;
            }
            case "logout":
                assert.ok([...users.values()].some((u) => u.userId === payload.userId), "logout of an unknown userId");
                answer = { signedOut: true };
                break;
        }
        return { ExecutedVersion: "$LATEST", Payload: answer, StatusCode: 200 };
    };
    return { invoke, calls, users };
}

const ADA = { email: "ada@example.com", password: "correct horse battery staple", name: "Ada Lovelace" };
const ADA_ID = "11111111-1111-4111-8111-111111111111";
const existingAda = () => ({ [ADA.email]: { userId: ADA_ID, password: ADA.password, name: ADA.name } });

/** What a run for an email the pool does not know must look like. */
async function assertSignsUpNewUser(def) {
    const stub = seedStub();
    const run = await execute(def, { ...ADA, waitSeconds: 7 }, { invoke: stub.invoke });
    assert.deepEqual(run.path, ["CheckUser", "IsNewUser", "SignUp", "Hold", "LogOut"]);
    assert.equal(run.status, "SUCCEEDED");
    assert.deepEqual(stub.calls.map((c) => c.action), ["exists", "signUp", "logout"]);
    assert.deepEqual(stub.calls[1], { action: "signUp", email: ADA.email, password: ADA.password, name: ADA.name });
    const userId = stub.users.get(ADA.email).userId;
    assert.deepEqual(stub.calls[2], { action: "logout", userId });
    assert.deepEqual(run.waits, [7]);
    assert.deepEqual(run.output, { userId, created: true, signedOut: true });
}

test("the definition is a valid JSONata state machine with no unknown substitutions", () => {
    assert.deepEqual(validate(definition), []);
    assert.doesNotMatch(JSON.stringify(definition), /\$\{/);
    const tasks = Object.values(definition.States).filter((s) => s.Type === "Task");
    assert.ok(tasks.length > 0);
    for (const task of tasks) {
        assert.equal(task.Resource, LAMBDA_INVOKE);
        assert.equal(task.Arguments.FunctionName, FUNCTION_ARN);
        assert.ok(task.Retry.some((r) => r.ErrorEquals.includes("Lambda.ServiceException")));
        assert.ok(task.Catch.some((c) => c.ErrorEquals.includes("States.ALL") && definition.States[c.Next].Type === "Fail"));
    }
});

test("a new email is checked, signed up, held and signed out", async () => {
    await assertSignsUpNewUser(definition);
});

test("an existing email is checked, signed in, held and signed out, never signed up", async () => {
    const stub = seedStub(existingAda());
    const run = await execute(definition, { ...ADA }, { invoke: stub.invoke });
    assert.equal(run.status, "SUCCEEDED");
    assert.deepEqual(run.path, ["CheckUser", "IsNewUser", "LogIn", "Hold", "LogOut"]);
    assert.deepEqual(stub.calls, [
        { action: "exists", email: ADA.email },
        { action: "login", email: ADA.email, password: ADA.password },
        { action: "logout", userId: ADA_ID },
    ]);
    assert.deepEqual(run.output, { userId: ADA_ID, created: false, signedOut: true });
});

test("the Wait state holds for waitSeconds, 5 when it is not given", async () => {
    for (const [extra, expected] of [[{}, 5], [{ waitSeconds: 0 }, 0], [{ waitSeconds: 42 }, 42]]) {
        for (const existing of [{}, existingAda()]) {
            const run = await execute(definition, { ...ADA, ...extra }, { invoke: seedStub(existing).invoke });
            assert.equal(run.status, "SUCCEEDED");
            assert.deepEqual(run.waits, [expected], JSON.stringify(extra));
        }
    }
});

test("a waitSeconds that is not a whole number fails the execution", async () => {
    const run = await execute(definition, { ...ADA, waitSeconds: "5" }, { invoke: seedStub().invoke });
    assert.equal(run.status, "FAILED");
    assert.equal(run.error, "States.QueryEvaluationError");
    assert.equal(run.path.at(-1), "Hold");
});

test("Lambda service errors are retried", async () => {
    const stub = seedStub({}, { exists: [new TaskError("Lambda.ServiceException", "try again")], logout: [new TaskError("Lambda.TooManyRequestsException", "slow down")] });
    const run = await execute(definition, { ...ADA }, { invoke: stub.invoke });
    assert.equal(run.status, "SUCCEEDED");
    assert.equal(run.retries, 2);
    assert.deepEqual(stub.calls.map((c) => c.action), ["exists", "exists", "signUp", "logout", "logout"]);
});

test("a handler error is not retried and ends in the Fail state with its name", async () => {
    const stub = seedStub(existingAda());
    const run = await execute(definition, { ...ADA, password: "not the password" }, { invoke: stub.invoke });
    assert.equal(run.status, "FAILED");
    assert.equal(run.error, "NotAuthorized");
    assert.equal(run.retries, 0);
    assert.deepEqual(run.path, ["CheckUser", "IsNewUser", "LogIn", "SeedFailed"]);
    assert.ok(!stub.calls.some((c) => c.action === "logout"));
});

test("an exists answer without a boolean fails instead of guessing", async () => {
    const stub = seedStub();
    const invoke = async (resource, args) =>
        args.Payload.action === "exists" ? { Payload: {}, StatusCode: 200 } : stub.invoke(resource, args);
    const run = await execute(definition, { ...ADA }, { invoke });
    assert.equal(run.status, "FAILED");
    assert.deepEqual(run.path, ["CheckUser", "IsNewUser", "UnexpectedCheckResult"]);
    assert.deepEqual(stub.calls, []);
});

test("a Choice reading an undefined variable is caught", async () => {
    // $exists is no variable of this workflow: JSONata evaluates `$exists = false`
    // to false, so the new user is never signed up.
    const broken = structuredClone(definition);
    const rule = broken.States.IsNewUser.Choices.find((c) => c.Next === "SignUp");
    rule.Condition = "{% $exists = false %}";
    await assert.rejects(assertSignsUpNewUser(broken), assert.AssertionError);
    const run = await execute(broken, { ...ADA }, { invoke: seedStub().invoke });
    assert.notDeepEqual(run.path, ["CheckUser", "IsNewUser", "SignUp", "Hold", "LogOut"]);
});
