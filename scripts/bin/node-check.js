/**
 * The Node.js that runs clientbook must be recent enough: 22.12 for the package's JavaScript, 22.18
 * in this repository, whose TypeScript Node runs by stripping the types. Plain JavaScript that any
 * old Node parses: it runs before anything else, on the Node that is too old.
 */

/**
 * The message for a Node too old to run clientbook, or undefined. `installed`: run from a package
 * under node_modules. `argv`: the command line after the script.
 */
export function nodeProblem(version, installed, argv) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  const [needMajor, needMinor] = installed ? [22, 12] : [22, 18];
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return undefined;
  const head = `clientbook needs Node.js ${needMajor}.${needMinor} or later; this is v${version.replace(/^v/, '')}.\n`;
  if (!installed) return `${head}  hint: run it through npm (\`npx clientbook ...\`, \`npm run build\`): the project brings Node 24 in node_modules/.bin.\n`;
  // `init` makes the book that brings Node 24: before it there is none to run through.
  if (argv.find((arg) => !arg.startsWith('-')) === 'init') {
    const dir = argv.filter((arg) => !arg.startsWith('-'))[1];
    const shown = dir === undefined ? 'my-client-book' : /^[\w./@:-]+$/.test(dir) ? dir : `"${dir.replace(/["\\$`]/g, '\\$&')}"`;
    return (
      head +
      `  hint: make the book with Node 24 from npm: \`npx -p node@24 -p clientbook clientbook init ${shown}\`. The book depends on Node 24 (its \`node\` dependency), so after \`npm install\` every \`npx clientbook\` and \`npm run\` in it uses that one.\n`
    );
  }
  return `${head}  hint: run it through npm (\`npx clientbook ...\`, \`npm run due\`): a client book made by \`clientbook init\` brings Node 24 in node_modules/.bin (its \`node\` dependency); or install Node 24.\n`;
}
