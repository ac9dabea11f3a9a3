import { formatGithub } from '#core/diagnostics/format-github';
import { formatText } from '#core/diagnostics/format-text';
import { summary } from '#core/diagnostics/summary';
import { paint, type Io } from '../io.ts';
import { openPortfolio } from './load.ts';

export type ValidateFormat = 'text' | 'json' | 'github';

export interface ValidateOptions {
  dir: string;
  asOf?: string;
  format: ValidateFormat;
}

/** Checks every file; exit 1 when there are errors. */
export async function validate(io: Io, options: ValidateOptions): Promise<number> {
  const portfolio = await openPortfolio(io, { ...options, diagnosticsOnly: true });
  const { diagnostics } = portfolio;
  if (options.format === 'json') {
    io.stdout(`${JSON.stringify({ files: portfolio.files, diagnostics }, null, 2)}\n`);
  } else if (options.format === 'github') {
    io.stdout(formatGithub(diagnostics));
    io.stderr(`${summary(diagnostics, portfolio.files)}\n`);
  } else {
    const p = paint(io.color);
    if (diagnostics.length > 0) io.stdout(`${formatText(diagnostics, io.cwd, p)}\n`);
    const line = summary(diagnostics, portfolio.files);
    io.stdout(`${portfolio.hasErrors ? p.red(line) : diagnostics.length ? p.yellow(line) : p.green(line)}\n`);
  }
  return portfolio.hasErrors ? 1 : 0;
}
