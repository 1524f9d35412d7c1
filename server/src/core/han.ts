// Han characters one UTF-16 unit at a time, for scans that read character codes rather than strings.
/** A Han character, for a string (a surrogate pair included); `isHanUnit` for one code unit. */
export const HAN = /\p{Script=Han}/u;
/** Per unit: 0 not yet asked, 1 Han, 2 not. */
const units = new Uint8Array(0x10000);

/** What /\p{Script=Han}/u says of the one unit (a lone surrogate never is Han), remembered per unit. */
export function isHanUnit(k: number): boolean {
  let v = units[k];
  if (v === 0) units[k] = v = HAN.test(String.fromCharCode(k)) ? 1 : 2;
  return v === 1;
}
