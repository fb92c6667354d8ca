import { describe, expect, it } from "vitest";
import { parseParts } from "../../scripts/bench/parts";

describe("npm run bench -- --only", () => {
  it.each([
    [undefined, ["ingest", "export", "web"]],
    ["export", ["export"]],
    ["ingest,export", ["ingest", "export"]],
    [" web , ingest", ["web", "ingest"]],
  ])("%j measures %j", (only, parts) => {
    expect([...parseParts(only)]).toEqual(parts);
  });

  it.each(["", "csv", "ingest,", "ingest,pages"])("refuses %j, naming the parts it takes", (only) => {
    expect(() => parseParts(only)).toThrow(`--only takes ingest, export, web (comma separated), not "${only}"`);
  });
});
