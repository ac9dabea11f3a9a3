/** `1 file`, `2 files`; `plural(n, 'file does', 'files do')` where the plural is not the word and an s. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
