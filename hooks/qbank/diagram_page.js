// Runs in the headless Chromium that renders diagrams at build time (qbank/diagram_render.py), never in a
// reader's browser. Mermaid draws the diagram here, in a real layout engine with a known font; what leaves
// this page is plain SVG plus the facts the site needs about it (size, smallest text, a text alternative).

// The font every diagram is measured in: an alias of WenQuanYi Micro Hei (the page's @font-face), so the
// boxes fit the same glyph widths on every machine that renders. qbank/diagrams.py swaps the alias for the
// site's font stack in the finished SVG.
const FONT = "qbankfont";

mermaid.initialize({
  startOnLoad: false,
  securityLevel: "strict",
  theme: "default",
  fontFamily: FONT,
  // Plain SVG <text>, no HTML inside <foreignObject>: lighter, and styled by the same CSS as the shapes.
  htmlLabels: false,
  flowchart: { htmlLabels: false },
  sequence: {
    actorFontFamily: FONT, messageFontFamily: FONT, noteFontFamily: FONT,
    actorFontSize: 16, messageFontSize: 16, noteFontSize: 16,
  },
});

// Presentation attributes cannot hold var(): those that carry a colour or the font move into style="",
// where qbank/diagrams.py can make them follow the page's colour scheme.
const PRESENTATION = ["fill", "stroke", "color", "stop-color", "flood-color", "font-family"];

// The labels, one statement per edge, message or group, in the order the source gives them.
function statements(db, svg) {
  const plain = (text) => String(text ?? "").replace(/<br\s*\/?>/gi, " ").replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();
  const lines = [plain(db.getAccDescription?.())];
  if (db.getVertices && db.getEdges) {
    const vertices = db.getVertices();
    const label = (id) => plain(vertices.get(id)?.text) || id;
    for (const group of db.getSubGraphs?.() ?? []) {
      const members = [...vertices.keys()].filter((id) => group.nodes.includes(id)); // in the source's order
      lines.push(`${plain(group.title) || group.id}: ${members.map(label).join(", ")}`);
    }
    const linked = new Set();
    for (const edge of db.getEdges()) {
      linked.add(edge.start).add(edge.end);
      const arrow = edge.type.startsWith("double") ? "↔" : edge.type === "arrow_open" ? "—" : "→";
      const text = plain(edge.text);
      lines.push(text ? `${label(edge.start)} —${text}${arrow} ${label(edge.end)}` : `${label(edge.start)} ${arrow} ${label(edge.end)}`);
    }
    for (const id of vertices.keys()) if (!linked.has(id)) lines.push(label(id));
  } else if (db.getMessages && db.getActors) {
    const actors = db.getActors();
    const name = (id) => plain(actors.get(id)?.description) || id;
    // Mermaid's LINETYPE numbers: notes, and the blocks that group messages.
    const blocks = { 10: "loop", 11: "end", 12: "alt", 13: "else", 14: "end", 15: "opt", 16: "end", 19: "par", 20: "and",
      21: "end", 27: "critical", 28: "option", 29: "end", 30: "break", 31: "end" };
    for (const message of db.getMessages()) {
      const text = plain(message.message);
      if (message.type === 2) lines.push(`[${[...new Set([message.from, message.to].filter(Boolean))].map(name).join(", ")}] ${text}`);
      else if (message.type in blocks) lines.push(`${blocks[message.type]} ${text}`.trim());
      else if (message.from && message.to) lines.push(`${name(message.from)} → ${name(message.to)}: ${text}`);
    }
  } else {
    // Any other kind of diagram: its labels, once each, in document order.
    const seen = new Set();
    for (const node of svg.querySelectorAll("text")) {
      const text = plain(node.textContent);
      if (text && !seen.has(text)) {
        seen.add(text);
        lines.push(text);
      }
    }
  }
  return lines.filter(Boolean);
}

// Keep only the CSS rules that style something in this diagram (Mermaid ships every rule of its theme).
function pruneStyles(svg) {
  for (const style of svg.querySelectorAll("style")) {
    // Matched against the SVG's parent: rules for the <svg> itself (its font) must stay.
    const kept = [...style.sheet.cssRules].filter((rule) => rule.selectorText && svg.parentNode.querySelector(rule.selectorText));
    const animations = new Set(kept.flatMap((rule) => rule.style.animationName.split(",").map((name) => name.trim())));
    const keyframes = [...style.sheet.cssRules].filter((rule) => rule instanceof CSSKeyframesRule && animations.has(rule.name));
    style.textContent = [...kept, ...keyframes].map((rule) => rule.cssText).join("\n");
  }
}

function moveAttributesIntoStyle(svg) {
  const computed = (element, name) => getComputedStyle(element).getPropertyValue(name);
  for (const element of svg.querySelectorAll("*")) {
    for (const name of PRESENTATION) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const withAttribute = computed(element, name);
      element.removeAttribute(name);
      // An attribute loses to every CSS rule: only one that still decides the rendering moves into style="".
      if (computed(element, name) !== withAttribute && !element.style.getPropertyValue(name)) {
        element.style.setProperty(name, value);
      }
    }
  }
}

function smallestFontSize(svg) {
  const sizes = [...svg.querySelectorAll("text, tspan")]
    .filter((node) => [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent.trim()))
    .map((node) => parseFloat(getComputedStyle(node).fontSize));
  return sizes.length ? Math.min(...sizes) : 0;
}

// The SVG as the cache keeps it: Mermaid's drawing, its unused CSS dropped, with a <title> (the source's
// accTitle), a <desc> holding the text alternative one statement a line, and the smallest text size in
// data-qbank-min-font-size (user units) so the site can keep that text legible on a phone.
window.renderDiagram = async (id, source) => {
  const { svg: markup } = await mermaid.render(id, source);
  const host = document.getElementById("host");
  host.innerHTML = markup;
  const svg = host.querySelector("svg");
  const { db } = await mermaid.mermaidAPI.getDiagramFromText(source);
  const lines = statements(db, svg);
  svg.setAttribute("data-qbank-min-font-size", String(smallestFontSize(svg)));
  pruneStyles(svg);
  moveAttributesIntoStyle(svg);
  for (const node of svg.querySelectorAll(":scope > title, :scope > desc")) node.remove();
  for (const name of ["aria-labelledby", "aria-describedby"]) svg.removeAttribute(name);
  const element = (name, text) => Object.assign(document.createElementNS("http://www.w3.org/2000/svg", name), { textContent: text });
  const title = String(db.getAccTitle?.() ?? "").trim();
  svg.prepend(...(title ? [element("title", title)] : []), element("desc", lines.join("\n")));
  const serialized = new XMLSerializer().serializeToString(svg);
  host.replaceChildren();
  return serialized;
};
