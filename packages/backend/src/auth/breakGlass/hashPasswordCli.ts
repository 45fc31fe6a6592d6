/*
 * Prints the break-glass hash of a password read from stdin, for the
 * deployment's secret: `yarn workspace backend breakglass-hash`.
 */
import { hashBreakGlassPassword } from './passwordHash';

async function main() {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password.length < 16) {
    process.stderr.write(
      'A break-glass password needs at least 16 characters (it is the way in when authentik is down).\n',
    );
    process.exit(1);
  }
  process.stdout.write(`${await hashBreakGlassPassword(password)}\n`);
}

main();
