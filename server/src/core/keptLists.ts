// Lists the model keeps to its end. A list grown by push holds 16 slots or more; the model keeps
// tens of thousands of them, and the young-generation collector copies every kept byte.

/** One empty list for every model list that has nothing: frozen, so nothing can add to it by mistake. */
export const NO_ITEMS: never[] = Object.freeze([]) as readonly never[] as never[];

/** `list` as the model keeps it: a copy of its exact length, or `NO_ITEMS` when empty. */
export function kept<T>(list: T[]): T[] {
  return list.length === 0 ? NO_ITEMS : list.slice();
}

/** The indexes from, from + 1, … to - 1, in a list of exactly that length (`NO_ITEMS` when none). */
export function indexRange(from: number, to: number): number[] {
  if (to <= from) return NO_ITEMS;
  const out = new Array<number>(to - from);
  for (let k = 0; k < out.length; k++) out[k] = from + k;
  return out;
}
