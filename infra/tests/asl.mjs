// A small interpreter of Amazon States Language definitions that use the
// JSONata query language, for running a state machine offline.
//
// It follows Step Functions' rules for JSONata states:
// - a string field whose whole value is "{% expression %}" is a JSONata
//   expression; inside objects and arrays (Arguments, Output) each such
//   string is evaluated on its own;
// - expressions see one variable, $states: $states.input (the state's
//   input), $states.context (the context object), $states.result (only in a
//   Task's Output) and $states.errorOutput (only in a Catch's Output);
// - an expression that yields nothing (undefined) for a field fails the state
//   with States.QueryEvaluationError;
// - a Choice rule's Condition must yield a boolean;
// - a Task's output is $states.result unless it has an Output; a Choice's,
//   Wait's or Pass's output is its input unless it has an Output.
//
// Tasks are handed to a caller-supplied `invoke(resource, args)`. It returns
// the service's result, or throws a TaskError to make the task fail with an
// error name and cause, as a Lambda service error or a handler error would.
// Any other exception is a fault of the caller and propagates unchanged.
// Retries are counted, not slept; waits are recorded, not slept.

import jsonata from "jsonata";

/** A task failure that Retry and Catch can match. */
export class TaskError extends Error {
    constructor(error, cause = "") {
        super(`${error}: ${cause}`);
        this.error = error;
        this.cause = cause;
    }
}

const JSONPATH_FIELDS = ["InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath", "ItemsPath"];
const MAX_TRANSITIONS = 1000;

function isExpression(value) {
    return typeof value === "string" && value.startsWith("{%") && value.endsWith("%}");
}

async function evaluate(text, states, field) {
    const source = text.slice(2, -2).trim();
    let value;
    try {
        value = await jsonata(source).evaluate(undefined, { states });
    } catch (e) {
        throw new TaskError("States.QueryEvaluationError", `${field}: ${e.message}`);
    }
    if (value === undefined) {
        throw new TaskError(
            "States.QueryEvaluationError",
            `the JSONata expression '${source}' specified for the field '${field}' returned nothing (undefined)`,
        );
    }
    // Step Functions hands values on as JSON.
    return JSON.parse(JSON.stringify(value));
}

/** Evaluates every {% %} string in a JSON value. */
export async function resolve(template, states, field) {
    if (isExpression(template)) {
        return evaluate(template, states, field);
    }
    if (Array.isArray(template)) {
        const out = [];
        for (const [i, item] of template.entries()) {
            out.push(await resolve(item, states, `${field}[${i}]`));
        }
        return out;
    }
    if (template !== null && typeof template === "object") {
        const out = {};
        for (const [key, item] of Object.entries(template)) {
            out[key] = await resolve(item, states, `${field}/${key}`);
        }
        return out;
    }
    return template;
}

function matches(errorEquals, error) {
    return errorEquals.includes(error) || (errorEquals.includes("States.ALL") && error !== "States.Runtime");
}

/** Replaces ${Name} placeholders as CloudFormation's DefinitionSubstitutions does. */
export function substitute(definition, substitutions) {
    const text = JSON.stringify(definition).replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, name) => {
        if (!(name in substitutions)) {
            throw new Error(`no substitution for \${${name}}`);
        }
        return substitutions[name];
    });
    return JSON.parse(text);
}

/** Checks what Step Functions checks before it accepts a JSONata definition. */
export function validate(definition) {
    const problems = [];
    if (definition.QueryLanguage !== "JSONata") {
        problems.push("QueryLanguage must be JSONata");
    }
    const names = new Set(Object.keys(definition.States ?? {}));
    if (!names.has(definition.StartAt)) {
        problems.push(`StartAt names no state: ${definition.StartAt}`);
    }
    const reachable = new Set();
    const visit = (name) => {
        if (reachable.has(name) || !names.has(name)) return;
        reachable.add(name);
        for (const next of successors(definition.States[name])) visit(next);
    };
    visit(definition.StartAt);
    for (const [name, state] of Object.entries(definition.States ?? {})) {
        if ((state.QueryLanguage ?? "JSONata") !== "JSONata") {
            problems.push(`${name}: QueryLanguage must be JSONata`);
        }
        for (const field of JSONPATH_FIELDS) {
            if (field in state) problems.push(`${name}: ${field} is a JSONPath field`);
        }
        if ("Assign" in state) problems.push(`${name}: Assign is not supported here`);
        for (const next of successors(state)) {
            if (!names.has(next)) problems.push(`${name}: transition to unknown state ${next}`);
        }
        const terminal = state.Type === "Succeed" || state.Type === "Fail" || state.End === true;
        if (state.Type !== "Choice" && !terminal && !state.Next) {
            problems.push(`${name}: neither Next nor End`);
        }
        if (!reachable.has(name)) problems.push(`${name}: unreachable`);
    }
    return problems;
}

function successors(state) {
    const out = [];
    if (state.Next) out.push(state.Next);
    if (state.Default) out.push(state.Default);
    for (const rule of state.Choices ?? []) out.push(rule.Next);
    for (const catcher of state.Catch ?? []) out.push(catcher.Next);
    return out;
}

/**
 * Runs a definition to its end.
 * Returns { status, output, error, cause, path, waits, retries }: path is the
 * names of the states entered in order, waits the seconds of each Wait state,
 * retries the number of retried task attempts.
 */
export async function execute(definition, input, { invoke, name = "test-execution" }) {
    const problems = validate(definition);
    if (problems.length > 0) {
        throw new Error(`invalid definition:\n${problems.join("\n")}`);
    }
    const startTime = new Date(0).toISOString();
    const context = {
        Execution: {
            Id: `arn:aws:states:us-east-1:123456789012:execution:seed:${name}`,
            Input: input,
            Name: name,
            StartTime: startTime,
            RoleArn: "arn:aws:iam::123456789012:role/seed",
        },
        StateMachine: { Id: "arn:aws:states:us-east-1:123456789012:stateMachine:seed", Name: "seed" },
        State: {},
    };
    const trace = { path: [], waits: [], retries: 0 };
    let current = definition.StartAt;
    let data = input;

    for (let transitions = 0; transitions < MAX_TRANSITIONS; transitions++) {
        const state = definition.States[current];
        trace.path.push(current);
        context.State = { Name: current, EnteredTime: startTime, RetryCount: 0 };
        const states = { input: data, context };
        let step;
        try {
            step = await runState(state, states, invoke, trace);
        } catch (e) {
            if (!(e instanceof TaskError)) throw e;
            // An error outside a Task's Catch fails the execution.
            return { status: "FAILED", error: e.error, cause: e.cause, ...trace };
        }
        if (step.failed) {
            return { status: "FAILED", error: step.error, cause: step.cause, ...trace };
        }
        if (step.next === undefined) {
            return { status: "SUCCEEDED", output: step.output, ...trace };
        }
        current = step.next;
        data = step.output;
    }
    throw new Error(`more than ${MAX_TRANSITIONS} transitions`);
}

async function runState(state, states, invoke, trace) {
    switch (state.Type) {
        case "Task":
            return runTask(state, states, invoke, trace);
        case "Choice": {
            for (const [i, rule] of state.Choices.entries()) {
                const verdict = await evaluate(rule.Condition, states, `Choices[${i}]/Condition`);
                if (typeof verdict !== "boolean") {
                    throw new TaskError("States.QueryEvaluationError", `Choices[${i}]/Condition is not a boolean`);
                }
                if (verdict) {
                    const output = await outputOf(rule.Output ?? state.Output, states, states.input);
                    return { next: rule.Next, output };
                }
            }
            if (state.Default === undefined) {
                throw new TaskError("States.NoChoiceMatched", "no Choice rule matched and there is no Default");
            }
            return { next: state.Default, output: await outputOf(state.Output, states, states.input) };
        }
        case "Wait": {
            if (state.Seconds === undefined) {
                throw new Error("only Wait states with Seconds are supported");
            }
            const seconds = await resolve(state.Seconds, states, "Seconds");
            if (!Number.isInteger(seconds) || seconds < 0 || seconds > 99999999) {
                throw new TaskError("States.QueryEvaluationError", `Seconds must be an integer from 0 to 99999999, got ${JSON.stringify(seconds)}`);
            }
            trace.waits.push(seconds);
            return { next: nextOf(state), output: await outputOf(state.Output, states, states.input) };
        }
        case "Pass":
            return { next: nextOf(state), output: await outputOf(state.Output, states, states.input) };
        case "Succeed":
            return { next: undefined, output: await outputOf(state.Output, states, states.input) };
        case "Fail":
            return {
                failed: true,
                error: await resolve(state.Error, states, "Error"),
                cause: await resolve(state.Cause, states, "Cause"),
            };
        default:
            throw new Error(`unsupported state type ${state.Type}`);
    }
}

function nextOf(state) {
    return state.End === true ? undefined : state.Next;
}

async function outputOf(template, states, fallback) {
    return template === undefined ? fallback : resolve(template, states, "Output");
}

async function runTask(state, states, invoke, trace) {
    const attempts = new Map();
    for (;;) {
        try {
            const args = await resolve(state.Arguments ?? {}, { input: states.input, context: states.context }, "Arguments");
            const result = JSON.parse(JSON.stringify(await invoke(state.Resource, args)));
            const output = await outputOf(state.Output, { ...states, result }, result);
            return { next: nextOf(state), output };
        } catch (e) {
            if (!(e instanceof TaskError)) throw e;
            const retrier = (state.Retry ?? []).find((r) => matches(r.ErrorEquals, e.error));
            if (retrier) {
                const used = attempts.get(retrier) ?? 0;
                if (used < (retrier.MaxAttempts ?? 3)) {
                    attempts.set(retrier, used + 1);
                    trace.retries += 1;
                    continue;
                }
            }
            const catcher = (state.Catch ?? []).find((c) => matches(c.ErrorEquals, e.error));
            if (!catcher) throw e;
            const errorOutput = { Error: e.error, Cause: e.cause };
            const output = await outputOf(catcher.Output, { ...states, errorOutput }, errorOutput);
            return { next: catcher.Next, output };
        }
    }
}
