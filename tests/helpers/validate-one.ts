/**
 * `validate --format json` of a portfolio of one client file, `clients/acme.md`, as lines
 * `line:column severity code: message | hint`: how the conformance tests hold a clause's diagnostics.
 */
import { run } from './cli.ts';
import { tempPortfolios } from './portfolio.ts';

interface JsonDiagnostic {
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
  hint?: string;
}

/** Call at the top of a test file: the portfolios are removed after it. */
export function validateOne({ hints = true, asOf = '2026-12-01' }: { hints?: boolean; asOf?: string } = {}) {
  const portfolio = tempPortfolios();
  return async (text: string): Promise<{ code: number; diagnostics: string[] }> => {
    const dir = await portfolio({ 'clients/acme.md': text });
    const { code, stdout } = await run(['validate', '--as-of', asOf, '--format', 'json'], dir);
    const diagnostics = (JSON.parse(stdout).diagnostics as JsonDiagnostic[]).map(
      (d) => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}${hints ? ` | ${d.hint ?? ''}` : ''}`,
    );
    return { code, diagnostics };
  };
}
