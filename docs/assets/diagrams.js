// Diagrams are drawn before the site is built (hooks/diagrams.py): a ```mermaid fence is a figure whose
// frame links to the diagram's SVG file. Almost every diagram sits in a closed answer, so nothing is
// fetched with the page: when an answer opens, its SVGs are fetched and put inline, where their colours
// (CSS variables, docs/assets/diagrams.css) follow the palette toggle. A click or tap on a diagram shows
// it full screen in its figure's <dialog>, at its own size, to pan and pinch-zoom. Without JavaScript
// the frame is a plain link to the SVG.

const closedAnswer = (node) => {
  for (let details = node.closest("details"); details; details = details.parentElement?.closest("details")) {
    if (!details.open) return true;
  }
  return false;
};

async function drawOne(frame, base) {
  frame.dataset.state = "loading";
  const url = new URL(frame.getAttribute("href"), base);
  frame.href = url.href; // in practice mode the figure comes from another page
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  // Our own file, parsed as XML: nothing in it runs.
  const svg = new DOMParser().parseFromString(await response.text(), "image/svg+xml").documentElement;
  if (svg.localName !== "svg") throw new Error(`${url}: not an SVG`);
  svg.setAttribute("aria-hidden", "true"); // the figure's caption is the text alternative
  svg.setAttribute("focusable", "false");
  frame.append(document.importNode(svg, true)); // after the link's hidden name
  frame.dataset.state = "drawn";
}

// Draw every diagram under root that a reader can see now; base is the URL of the page the figures
// come from (practice mode shows answers of other pages).
export async function drawDiagrams(root = document, base = document.baseURI) {
  const frames = [...root.querySelectorAll("a.qbank-diagram__frame:not([data-state])")].filter((frame) => !closedAnswer(frame));
  await Promise.all(frames.map((frame) => drawOne(frame, base)));
}

function showFullScreen(frame) {
  const dialog = frame.closest(".qbank-diagram").querySelector("dialog");
  const svg = frame.querySelector("svg");
  // Moved, not copied: one SVG, so its ids stay unique on the page.
  dialog.querySelector(".qbank-diagram__canvas").append(svg);
  dialog.addEventListener("close", () => frame.append(svg), { once: true });
  dialog.showModal();
}

document.addEventListener("click", (event) => {
  const frame = event.target.closest?.("a.qbank-diagram__frame[data-state=drawn]");
  if (frame) {
    event.preventDefault();
    showFullScreen(frame);
  } else if (event.target.closest?.(".qbank-diagram__close")) {
    event.target.closest("dialog").close();
  }
});

document.addEventListener("toggle", (event) => {
  if (event.target.open) drawDiagrams(event.target).catch((error) => console.warn("diagrams:", error));
}, true); // toggle does not bubble; listen in the capture phase
drawDiagrams().catch((error) => console.warn("diagrams:", error));
