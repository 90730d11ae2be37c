// Exits 0 when something accepts TCP connections at host:port within two seconds.
import net from 'node:net';

const [host, port] = process.argv.slice(2);
const socket = net.connect({ host, port: Number(port), timeout: 2000 });
socket.once('connect', () => {
  socket.end();
  process.exit(0);
});
socket.once('timeout', () => process.exit(1));
socket.once('error', () => process.exit(1));
