/** Values that look like secrets: a client file is shared through git, a password manager is not. */
import type { DiagnosticSink, LineIndex } from '../diagnostics.ts';

export const PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: 'a private key', pattern: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/ },
  { name: 'an AWS access key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  // Classic tokens (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained ones (github_pat_).
  { name: 'a GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})\b/ },
  // Bot, user, workspace, refresh (xoxe, xoxe.xoxp) and app-level (xapp) tokens.
  { name: 'a Slack token', pattern: /\b(?:xoxe\.)?(?:xox[abeprs]|xapp)-[A-Za-z0-9-]{10,}/ },
  { name: 'a Stripe key', pattern: /\b[rs]k_live_[A-Za-z0-9]{16,}/ },
  // No word boundary after the key: its last character may be a `-`.
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}/ },
  {
    name: 'a password',
    // "password: X", "Wi-Fi pwd = X", "x-admin-password: X", "passcode is X": a label followed by a value.
    pattern: /\b(?:pass(?:word|wd|code|phrase)?|pwd|pin code)\b["']?\s*(?::|=|\bis\b)\s*["']?[^\s"'`]{4,}/i,
  },
  {
    name: 'an API key or token',
    // A label and a value: "api_key: 9f8e7d6c", "client secret = ...", "token: ...".
    pattern: /\b(?:api[_ -]?key|api[_ -]?secret|secret(?:[_ -]?key)?|client[_ -]?secret|(?:(?:access|auth|api)[_ -]?)?token|credentials?)\b["']?\s*(?::|=|\bis\b)\s*["']?[A-Za-z0-9_\-./+=]{8,}/i,
  },
  { name: 'a bearer token', pattern: /\bbearer\s+[A-Za-z0-9_\-./+=]{16,}/i },
];

/** A line that says where the secret is kept ("password: in the vault") holds none. */
const POINTER = /\b(?:vault|1password|bitwarden|keepass(?:xc)?|lastpass|dashlane|keeper|password manager)\b/i;
const LABELLED = new Set(['a password', 'an API key or token']);

/**
 * What every pattern above needs somewhere in its match (case aside). Most files have none of it, and
 * one search of the whole text is much cheaper than every pattern on every line: only the lines it
 * finds are checked. Keep it in step with PATTERNS.
 */
export const CANDIDATE = /PRIVATE KEY|AKIA|ASIA|gh[pousr]_|github_pat_|xox[abeprs]-|xapp-|k_live_|AIza|pass|pwd|pin code|api|secret|token|credential|bearer/gi;

/** Warns on every line that looks like it holds a secret, front matter and notes alike. */
export function checkSecrets(index: LineIndex, sink: DiagnosticSink): void {
  let last = 0;
  CANDIDATE.lastIndex = 0;
  for (let hit = CANDIDATE.exec(index.text); hit; hit = CANDIDATE.exec(index.text)) {
    const line = index.position(hit.index).line;
    // The next search starts on the next line: this one is checked whole.
    CANDIDATE.lastIndex = index.lineStart(line + 1);
    if (line === last) continue;
    last = line;
    if (!checkLine(index, line, sink) && checkValueBelow(index, line, sink)) {
      // The value below is reported: its line is not looked at again.
      last = line + 1;
      CANDIDATE.lastIndex = index.lineStart(line + 2);
    }
    if (CANDIDATE.lastIndex >= index.text.length) break;
  }
}

const HINT = 'Client files are shared through git and its history: keep secrets in a password manager and write only where to find them (e.g. "Wi-Fi password: in the vault, entry Hank\'s Hardware").';

/** Reports the first secret of a line; true when there is one. */
function checkLine(index: LineIndex, line: number, sink: DiagnosticSink): boolean {
  const text = index.lineText(line);
  for (const { name, pattern } of PATTERNS) {
    const m = pattern.exec(text);
    if (!m || (LABELLED.has(name) && POINTER.test(text))) continue;
    const start = index.lineStart(line) + m.index;
    sink.add({ start, end: start + m[0].length, severity: 'warning', code: 'secret', message: `This looks like ${name}.`, hint: HINT });
    return true;
  }
  return false;
}

/**
 * A key named for a secret with its value on the next line, more indented: `password:` then
 * `  hunter22`, or a block scalar (`password: |`). Keep the labels in step with CANDIDATE.
 */
const LABEL_ALONE =
  /\b(?:(pass(?:word|wd|code|phrase)?|pwd|pin code)|api[_ -]?key|api[_ -]?secret|secret(?:[_ -]?key)?|client[_ -]?secret|(?:(?:access|auth|api)[_ -]?)?token|credentials?)["']?\s*:\s*(?:[|>][-+0-9]*)?\s*(?:#.*)?$/i;
const VALUE_BELOW = /^(\s+)(["']?)([^\s"'`#]{4,})\2\s*$/;

/** Reports the value below a secret's label; true when it is reported. */
function checkValueBelow(index: LineIndex, line: number, sink: DiagnosticSink): boolean {
  if (line >= index.lineCount) return false;
  const label = LABEL_ALONE.exec(index.lineText(line));
  if (!label) return false;
  const below = index.lineText(line + 1);
  const value = VALUE_BELOW.exec(below);
  const indent = /^\s*/.exec(index.lineText(line))![0].length;
  if (!value || value[1]!.length <= indent || POINTER.test(below)) return false;
  const start = index.lineStart(line + 1) + value[1]!.length + value[2]!.length;
  const name = label[1] ? 'a password' : 'an API key or token';
  sink.add({ start, end: start + value[3]!.length, severity: 'warning', code: 'secret', message: `This looks like ${name}.`, hint: HINT });
  return true;
}
