// Runs a reader's code against an exercise's tests in Pyodide, off the page's thread (a module Web Worker started by
// exercise.js on the first "Run tests"). Pyodide comes from this site (assets/vendor/pyodide/, hooks/vendor_assets.py),
// found relative to this file, so the site works under any path. The tests' runner is the same Python module the
// test suite uses (exercise_runner.py); the page sends its source, the tests and the reader's code with every run.
//
// The code cannot reach the page: a worker has no DOM, and once Pyodide has loaded, the ways out of the worker
// (fetch, XMLHttpRequest, WebSocket, EventSource, nested workers...) are removed from its global object, which is
// what Python's `import js` sees. Stop and the time limit are the page's worker.terminate().
const PYODIDE = new URL("vendor/pyodide/", import.meta.url).href;
// Not available to the reader's code once Pyodide has loaded.
const SEALED = [
  "fetch", "XMLHttpRequest", "WebSocket", "WebSocketStream", "EventSource", "WebTransport", "importScripts", "Worker",
  "SharedWorker", "BroadcastChannel", "indexedDB", "caches", "Request", "Response",
];
const post = self.postMessage.bind(self);

function seal() {
  for (const name of SEALED) {
    Object.defineProperty(self, name, { value: undefined, writable: false, configurable: false });
  }
  const prototype = Object.getPrototypeOf(self);
  for (const scope of [prototype, Object.getPrototypeOf(prototype), self.WorkerGlobalScope?.prototype]) {
    for (const name of SEALED) {
      if (scope && Object.hasOwn(scope, name)) Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false });
    }
  }
}

let runtime = null;
async function load() {
  const { loadPyodide } = await import(`${PYODIDE}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL: PYODIDE, stdout: () => {}, stderr: () => {} });
  seal();
  return pyodide;
}

self.onmessage = async ({ data }) => {
  if (data.type !== "run") return;
  let pyodide;
  try {
    runtime ??= load();
    pyodide = await runtime;
  } catch (error) {
    post({ type: "load-error", message: String(error) });
    return;
  }
  post({ type: "started" });
  const namespace = pyodide.toPy({ solution_source: data.code, tests_source: data.tests });
  try {
    pyodide.runPython(data.runner, { globals: namespace });
    const results = await pyodide.runPythonAsync("await run_tests(solution_source, tests_source)", { globals: namespace });
    post({ type: "results", results: results.toJs({ dict_converter: Object.fromEntries }) });
    results.destroy();
  } catch (error) {
    post({ type: "results", results: [{ name: "runner", passed: false, message: String(error.message ?? error) }] });
  } finally {
    namespace.destroy();
  }
};
