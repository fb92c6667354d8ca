/** Where a long list is cut: the page shown (from 1), how many pages there are, and the first item's place (from 0). */
export interface Paging {
  page: number;
  pages: number;
  offset: number;
  size: number;
}

/** Documents per page of the sources list (the source view links back to the page that holds its document). */
export const SOURCES_PER_PAGE = 50;

/** At most this many digits: a page number past any list's end is still read as a number, and reported. */
const PAGE = /^[1-9]\d{0,6}$/;

/**
 * The page asked for in `?<key>=`: a whole number from 1, else the first page with the value reported as
 * ignored. A page past the end of the list shows its last page, and says so the same way.
 */
export function pickPage(value: string | string[] | undefined, key: string, total: number, size: number, ignored: string[]): Paging {
  const [raw, ...extra] = value === undefined ? [] : Array.isArray(value) ? value : [value];
  ignored.push(...extra.map((v) => `${key}=${v}`));
  const pages = Math.max(1, Math.ceil(total / size));
  let page = 1;
  if (raw !== undefined) {
    if (!PAGE.test(raw)) ignored.push(`${key}=${raw}`);
    else if (Number(raw) > pages) {
      ignored.push(`${key}=${raw}`);
      page = pages;
    } else page = Number(raw);
  }
  return { page, pages, offset: (page - 1) * size, size };
}

/** The page (from 1) that holds the item at `index` (from 0). */
export function pageHolding(index: number, size: number): number {
  return Math.floor(index / size) + 1;
}

/** The items a page shows, as people count them (from 1): 51–100 of 3,214; none when the page is past the list's end. */
export function shownRange(paging: Paging, total: number): { first: number; last: number } | null {
  if (paging.offset >= total) return null;
  return { first: paging.offset + 1, last: Math.min(total, paging.offset + paging.size) };
}
