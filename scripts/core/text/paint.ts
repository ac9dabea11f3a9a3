/** Terminal colours, or none: the face decides (a TTY without NO_COLOR or CI); the text is the same. */
export interface Paint {
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  cyan: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

const code = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const plain = (s: string) => s;

export function paint(color: boolean): Paint {
  return color
    ? { red: code(31, 39), yellow: code(33, 39), green: code(32, 39), cyan: code(36, 39), dim: code(2, 22), bold: code(1, 22) }
    : { red: plain, yellow: plain, green: plain, cyan: plain, dim: plain, bold: plain };
}
