/**
 * Asks for a secret on the terminal without echoing it. Only `main`'s real terminal: tests and CI
 * give the passphrase through the environment instead.
 */
export async function askSecret(question: string): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) throw new Error('askSecret needs a terminal');
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let secret = '';
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n') {
            stdin.off('data', onData);
            stderr.write('\n');
            resolve(secret);
            return;
          }
          if (char === '\u0003' || char === '\u0004') {
            stdin.off('data', onData);
            stderr.write('\n');
            reject(new Error('cancelled'));
            return;
          }
          if (char === '\u007f' || char === '\b') secret = [...secret].slice(0, -1).join('');
          else if (char >= ' ') secret += char;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}
