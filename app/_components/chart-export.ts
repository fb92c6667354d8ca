import { LEADING, type Measure, TYPE, wrapText } from "./chart-layout";

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The computed styles a standalone SVG needs (outside the page, CSS variables and classes resolve to nothing),
 * written as presentation attributes in plain numbers, which every SVG reader understands.
 */
const STYLES = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-linejoin",
  "stroke-linecap",
  "stroke-opacity",
  "paint-order",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
] as const;

/** "1.5px" → "1.5", "3px, 2px" → "3 2": lengths without units, lists without commas. */
const plain = (value: string) => value.replace(/px\b/g, "").replace(/,\s*/g, " ").trim();

/** Writes onto `copy` each style of `original` that it does not inherit unchanged from its parent (all of them on the root). */
function inlineStyles(original: Element, copy: Element, root: boolean): void {
  const own = getComputedStyle(original);
  const parent = !root && original.parentElement ? getComputedStyle(original.parentElement) : null;
  for (const name of STYLES) {
    const value = own.getPropertyValue(name);
    if (parent && parent.getPropertyValue(name) === value && !copy.hasAttribute(name)) continue;
    copy.setAttribute(name, name === "font-family" ? value : plain(value));
  }
  if (own.display === "none" || own.visibility === "hidden") copy.setAttribute("visibility", "hidden");
}

export interface ExportText {
  title: string;
  source: string;
}

export interface ChartImage {
  markup: string;
  width: number;
  height: number;
}

function textBlock(lines: string[], x: number, top: number, size: 12 | 16, style: { fill: string; weight: number; family: string }): SVGTextElement {
  const text = document.createElementNS(SVG_NS, "text");
  text.setAttribute("x", String(x));
  text.setAttribute("y", String(top + LEADING[size] - 4));
  text.setAttribute("font-size", String(size));
  text.setAttribute("font-weight", String(style.weight));
  text.setAttribute("font-family", style.family);
  text.setAttribute("fill", style.fill);
  lines.forEach((line, i) => {
    const span = document.createElementNS(SVG_NS, "tspan");
    span.setAttribute("x", String(x));
    span.setAttribute("dy", i === 0 ? "0" : String(LEADING[size]));
    span.textContent = line;
    text.appendChild(span);
  });
  return text;
}

/**
 * The chart exactly as drawn (legend, ticks, poles, marks and labels), with its computed colours and fonts
 * written onto each element, under its title and over a source line: one self-contained SVG document.
 */
export function chartSvg(drawn: SVGSVGElement, text: ExportText, measure: Measure): ChartImage {
  const rootStyle = getComputedStyle(document.documentElement);
  const paper = rootStyle.getPropertyValue("--paper").trim() || "#ffffff";
  const ink = rootStyle.getPropertyValue("--ink").trim() || "#1b1f24";
  const muted = rootStyle.getPropertyValue("--muted").trim() || "#58606b";
  const family = getComputedStyle(drawn).fontFamily;
  const width = Math.ceil(drawn.getBoundingClientRect().width);
  const chartHeight = Math.ceil(drawn.getBoundingClientRect().height);
  const side = 12;
  const titleLines = wrapText(text.title, width - 2 * side, TYPE.title, (t, s) => measure(t, s, true));
  const sourceLines = wrapText(text.source, width - 2 * side, TYPE.source, measure);
  const titleHeight = 10 + titleLines.length * LEADING[TYPE.title] + 6;
  const height = titleHeight + chartHeight + 6 + sourceLines.length * LEADING[TYPE.source] + 10;

  const chart = drawn.cloneNode(true) as SVGSVGElement;
  const originals = [drawn, ...drawn.querySelectorAll("*")];
  const copies = [chart, ...chart.querySelectorAll("*")];
  originals.forEach((original, i) => {
    const copy = copies[i];
    if (copy) inlineStyles(original, copy, i === 0);
  });
  // The hover band is the reader's interaction, and empty titles say nothing: neither is part of the chart.
  for (const element of chart.querySelectorAll(".chart-active-row, .recharts-tooltip-cursor, title:empty, desc:empty")) element.remove();
  for (const element of [chart, ...chart.querySelectorAll("*")]) {
    for (const attribute of ["class", "style", "tabindex", "role", "aria-label", "data-bg", "data-value", "data-row"]) element.removeAttribute(attribute);
  }
  // A text's halo is a copy drawn beneath it, not paint-order, which simpler SVG readers ignore.
  for (const text of chart.querySelectorAll("text")) {
    if (!text.getAttribute("stroke") || text.getAttribute("stroke") === "none") continue;
    const halo = text.cloneNode(true) as SVGTextElement;
    halo.setAttribute("fill", text.getAttribute("stroke") ?? paper);
    text.before(halo);
    text.setAttribute("stroke", "none");
    text.removeAttribute("paint-order");
  }
  // The chart as a group moved under the title: nested <svg> offsets are not read everywhere.
  const body = document.createElementNS(SVG_NS, "g");
  body.setAttribute("transform", `translate(0 ${titleHeight})`);
  for (const name of STYLES) if (chart.hasAttribute(name)) body.setAttribute(name, chart.getAttribute(name) ?? "");
  body.append(...chart.childNodes);

  const image = document.createElementNS(SVG_NS, "svg");
  image.setAttribute("xmlns", SVG_NS);
  image.setAttribute("width", String(width));
  image.setAttribute("height", String(height));
  image.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const title = document.createElementNS(SVG_NS, "title");
  title.textContent = text.title;
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", String(width));
  background.setAttribute("height", String(height));
  background.setAttribute("fill", paper);
  image.append(
    title,
    background,
    textBlock(titleLines, side, 10, TYPE.title, { fill: ink, weight: 700, family }),
    body,
    textBlock(sourceLines, side, titleHeight + chartHeight + 6, TYPE.source, { fill: muted, weight: 400, family }),
  );
  return { markup: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(image)}\n`, width, height };
}

/** The SVG drawn onto a canvas at twice its size, so the PNG stays sharp on high-density screens and in print. */
export async function chartPng(image: ChartImage, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([image.markup], { type: "image/svg+xml" }));
  try {
    const picture = new Image();
    picture.src = url;
    await picture.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D canvas");
    context.scale(scale, scale);
    context.drawImage(picture, 0, 0, image.width, image.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Text widths measured with the page's own font (canvas metrics), so wrapped lines fit exactly. */
export function canvasMeasure(family: string): Measure {
  const context = document.createElement("canvas").getContext("2d");
  return (text, size, bold = false) => {
    if (!context) return text.length * size * 0.6;
    context.font = `${bold ? 700 : 400} ${size}px ${family}`;
    return context.measureText(text).width;
  };
}

/** Hands a file to the browser's downloads. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
