import { createServer, Server } from 'node:http';
import { Metrics } from './metrics.service';

/** worker.js has no HTTP API: it serves GET /metrics alone on METRICS_PORT, with the same optional token. */
export function serveMetrics(metrics: Metrics, port: number, host: string, token: string | null): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    if (token !== null && request.headers.authorization !== `Bearer ${token}`) {
      response.writeHead(401).end();
      return;
    }
    metrics.text().then(
      (text) => response.writeHead(200, { 'Content-Type': metrics.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
