// Diagrams (```mermaid fences) are drawn only when they come into view: almost every diagram sits
// inside a closed answer, and Mermaid is by far the largest file the site serves. The fence renders
// as <pre class="diagram"> (mkdocs.yml); when its answer opens, Mermaid is loaded from this site
// (hooks/vendor_assets.py) and the source is replaced by the drawing.

const MERMAID = new URL("vendor/mermaid.tiny.js", import.meta.url); // this file is <site>/assets/diagrams.js
let loading = null;

function mermaidLibrary() {
  loading ??= new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement("script"), { src: MERMAID.href });
    script.addEventListener("load", () => resolve(window.mermaid));
    script.addEventListener("error", () => reject(new Error(`could not load ${MERMAID.href}`)));
    document.head.append(script);
  });
  return loading;
}

const closedAnswer = (node) => {
  for (let details = node.closest("details"); details; details = details.parentElement?.closest("details")) {
    if (!details.open) return true;
  }
  return false;
};

// Draw every diagram under root that a reader can see now.
export async function drawDiagrams(root = document) {
  const sources = [...root.querySelectorAll("pre.diagram")].filter((pre) => !closedAnswer(pre));
  if (sources.length === 0) return;
  const targets = sources.map((pre) => {
    const target = Object.assign(document.createElement("div"), { className: "mermaid", textContent: pre.textContent });
    pre.replaceWith(target);
    return target;
  });
  const mermaid = await mermaidLibrary();
  const dark = document.body.getAttribute("data-md-color-scheme") === "slate";
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default" });
  await mermaid.run({ nodes: targets });
}

document.addEventListener("toggle", (event) => {
  if (event.target.open) drawDiagrams(event.target).catch((error) => console.warn("diagrams:", error));
}, true); // toggle does not bubble; listen in the capture phase
drawDiagrams().catch((error) => console.warn("diagrams:", error));
