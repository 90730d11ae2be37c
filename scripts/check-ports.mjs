// Fails with a clear message when a port the portal needs is already taken, instead of
// letting the backend or the dev server die later with a stack trace.
// Usage: node scripts/check-ports.mjs 7007:backend 3000:frontend
import net from 'node:net';

function isFree(port) {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.once('listening', () => server.close(() => resolve(true)));
    server.listen(port);
  });
}

let taken = 0;
for (const spec of process.argv.slice(2)) {
  const [port, role] = spec.split(':');
  if (!(await isFree(Number(port)))) {
    taken += 1;
    console.error(
      `Port ${port} (${role}) is already in use. Stop whatever listens there ` +
        `(find it with: lsof -i :${port} or ss -ltnp 'sport = :${port}') and run the command again.`,
    );
  }
}
process.exit(taken ? 1 : 0);
