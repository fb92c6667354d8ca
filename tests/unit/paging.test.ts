import { describe, expect, it } from "vitest";
import { pageHolding, pickPage, shownRange } from "../../app/_lib/paging";

describe("pickPage", () => {
  it.each([
    [undefined, 120, { page: 1, pages: 3, offset: 0, size: 50 }, []],
    ["2", 120, { page: 2, pages: 3, offset: 50, size: 50 }, []],
    ["3", 120, { page: 3, pages: 3, offset: 100, size: 50 }, []],
    ["9", 120, { page: 3, pages: 3, offset: 100, size: 50 }, ["page=9"]],
    ["0", 120, { page: 1, pages: 3, offset: 0, size: 50 }, ["page=0"]],
    ["two", 120, { page: 1, pages: 3, offset: 0, size: 50 }, ["page=two"]],
    ["99999999", 120, { page: 1, pages: 3, offset: 0, size: 50 }, ["page=99999999"]],
    [["2", "3"], 120, { page: 2, pages: 3, offset: 50, size: 50 }, ["page=3"]],
    [undefined, 0, { page: 1, pages: 1, offset: 0, size: 50 }, []],
  ])("?page=%j of %i items → %j, ignoring %j", (value, total, paging, ignored) => {
    const reported: string[] = [];
    expect(pickPage(value, "page", total, 50, reported)).toEqual(paging);
    expect(reported).toEqual(ignored);
  });
});

describe("pageHolding and shownRange", () => {
  it.each([
    [0, 1],
    [49, 1],
    [50, 2],
    [4_321, 87],
  ])("item %i is on page %i", (index, page) => {
    expect(pageHolding(index, 50)).toBe(page);
  });

  it("counts the items a page shows from 1, and none past the end", () => {
    expect(shownRange({ page: 2, pages: 3, offset: 50, size: 50 }, 120)).toEqual({ first: 51, last: 100 });
    expect(shownRange({ page: 3, pages: 3, offset: 100, size: 50 }, 120)).toEqual({ first: 101, last: 120 });
    expect(shownRange({ page: 3, pages: 3, offset: 100, size: 50 }, 40)).toBeNull();
  });
});
