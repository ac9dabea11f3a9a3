/**
 * The page `clientbook dev` shows while the portfolio has errors: clientbook's diagnostics and
 * nothing else (no framework heading, no stack of internal frames, which a newcomer takes for a
 * crash), as `validate` prints them. It runs Vite's client, so the next save that fixes the
 * portfolio reloads it into the site.
 */
import { formatText } from '#core/diagnostics/format-text';
import { summary } from '#core/diagnostics/summary';
import { paint } from '#core/text/paint';
import type { PortfolioErrorsError } from './load.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export function devErrorPage(error: PortfolioErrorsError): string {
  const n = error.diagnostics.length;
  const count = `${n} ${n === 1 ? 'error' : 'errors'}`;
  // As `validate` prints them: code frames included, control characters escaped.
  const diagnostics = formatText(error.diagnostics, error.cwd, paint(false));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>The portfolio has ${count} · clientbook</title>
<link rel="stylesheet" href="/site.css">
<script type="module" src="/@vite/client"></script>
</head>
<body>
<main id="main" class="inner dev-errors">
<h1>The portfolio has ${count}</h1>
<p>The site is shown again as soon as they are fixed: this page reloads on every save.</p>
<pre class="diagnostics">${escapeHtml(diagnostics.replace(/\n+$/, ''))}</pre>
<p class="muted">${escapeHtml(summary(error.counted, error.files))} <code>npx clientbook validate</code> lists every problem.</p>
</main>
</body>
</html>
`;
}
