import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import es from "../../messages/es.json";

type Messages = { [key: string]: string | Messages };
const LOCALES: Record<string, Messages> = { en, es };

/** Every message as its dotted key: "overview.positions.title". */
function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(path, value);
    else for (const [k, v] of flatten(value, path)) flat.set(k, v);
  }
  return flat;
}

/**
 * The argument and tag names an ICU message uses: "{count, plural, one {# tema} …}" → count; "<strong>…</strong>" → strong.
 * Plural and select branches are read as messages in turn, so their words never count as arguments.
 */
function icuNames(message: string): string[] {
  const names = new Set<string>();
  const read = (text: string, from: number, nested: boolean): number => {
    let at = from;
    while (at < text.length) {
      const char = text[at];
      if (char === "}" && nested) return at;
      if (char === "<") {
        const tag = /^<\/?([A-Za-z]\w*)>/.exec(text.slice(at));
        if (tag?.[1]) names.add(tag[1]);
      }
      if (char !== "{") {
        at++;
        continue;
      }
      const head = /^\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?(,|\})/.exec(text.slice(at));
      if (!head?.[1]) throw new Error(`unreadable argument at ${at} in “${text}”`);
      names.add(head[1]);
      at += head[0].length;
      if (head[3] === "}") continue;
      if (head[2] === "plural" || head[2] === "select" || head[2] === "selectordinal") {
        // Branches: selector {message} … up to the argument's closing brace.
        while (text[at] !== "}") {
          const selector = /^\s*(=?\w+)\s*\{/.exec(text.slice(at));
          if (!selector) break;
          at = read(text, at + selector[0].length, true) + 1;
          while (text[at] === " ") at++;
        }
      } else {
        at = text.indexOf("}", at);
      }
      at++;
    }
    return at;
  };
  read(message, 0, false);
  return [...names].sort();
}

const SOURCE_ROOT = "app";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

interface KeyUse {
  file: string;
  key: string;
}

/**
 * The message keys the app's code names: each `t("key")` (or t.rich, t.markup, t.has) resolved against the
 * nearest earlier `const t = useTranslations("namespace")` / `await getTranslations("namespace")` in its file.
 * A key that is not a string literal is reported as such, so every key stays checkable.
 */
function keysUsedInCode(): { uses: KeyUse[]; unreadable: string[] } {
  const uses: KeyUse[] = [];
  const unreadable: string[] = [];
  for (const file of sourceFiles(SOURCE_ROOT)) {
    const source = readFileSync(file, "utf8");
    const bindings = [...source.matchAll(/const (\w+) = (?:await )?(?:useTranslations|getTranslations)\(\s*(?:"([^"]*)")?\s*\)/g)].map((m) => ({
      name: m[1] as string,
      namespace: m[2] ?? "",
      at: m.index,
    }));
    for (const name of new Set(bindings.map((b) => b.name))) {
      for (const call of source.matchAll(new RegExp(`(?<![\\w.])${name}(?:\\.(?:rich|markup|has))?\\(\\s*([^)\\s,]*)`, "g"))) {
        const binding = bindings.filter((b) => b.name === name && b.at < call.index).at(-1);
        if (!binding) continue;
        const literal = /^"([^"]+)"$/.exec(call[1] ?? "");
        if (!literal?.[1]) {
          unreadable.push(`${file}: ${call[0]}`);
          continue;
        }
        uses.push({ file, key: binding.namespace ? `${binding.namespace}.${literal[1]}` : literal[1] });
      }
    }
  }
  return { uses, unreadable };
}

describe("message files", () => {
  const flat = Object.fromEntries(Object.entries(LOCALES).map(([locale, messages]) => [locale, flatten(messages)]));

  it.each(Object.keys(LOCALES))("%s has every key the other locales have", (locale) => {
    const own = flat[locale] as Map<string, string>;
    const missing = Object.values(flat).flatMap((other) => [...other.keys()].filter((key) => !own.has(key)));
    expect([...new Set(missing)]).toEqual([]);
  });

  it("gives each message the same arguments and tags in every locale", () => {
    const differing: string[] = [];
    for (const [key, message] of flat.en as Map<string, string>) {
      const names = icuNames(message).join(",");
      for (const [locale, messages] of Object.entries(flat)) {
        const other = messages.get(key);
        if (other !== undefined && icuNames(other).join(",") !== names) differing.push(`${locale}:${key} uses {${icuNames(other)}}, en uses {${names}}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it("has every key the code uses, in every locale, named as a literal", () => {
    const { uses, unreadable } = keysUsedInCode();
    expect(unreadable).toEqual([]);
    // Guards the scan itself: a regex that found nothing would pass every check below.
    expect(uses.length).toBeGreaterThan(150);
    const missing = uses.flatMap(({ file, key }) =>
      Object.entries(flat)
        .filter(([, messages]) => !messages.has(key))
        .map(([locale]) => `${locale}: ${key} (${file})`),
    );
    expect(missing).toEqual([]);
  });

  it.each([
    ["plain text", "Sources", []],
    ["an argument", "Open {document} at line {line}", ["document", "line"]],
    ["a tag", "Gap: <strong>{gap}</strong>", ["gap", "strong"]],
    ["plural branches are not arguments", "{count, plural, one {# tema} other {# temas}}", ["count"]],
    ["select branches are not arguments", "({basis, select, inferred {inferida} other {indicada}}: {evidence})", ["basis", "evidence"]],
    ["arguments inside branches are", "{override, select, yes { ({who})} other {}}", ["override", "who"]],
    ["a number format", "({scored, number} scored)", ["scored"]],
  ])("reads the names an ICU message uses: %s", (_, message, names) => {
    expect(icuNames(message)).toEqual(names);
  });
});
