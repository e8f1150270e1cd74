// A local stand-in for API Gateway: runs the authorizer on each request, as the gateway would.
import { createServer } from 'node:http';
import { handler } from './authorizer';

const server = createServer((req, res) => {
  if (req.url === '/health') {
    res.end('ok');
    return;
  }
  handler({ authorizationToken: req.headers.authorization, methodArn: 'arn:aws:execute-api:local:orders/GET' + (req.url ?? '/') }).then(
    (result) => {
      const allowed = result.policyDocument.Statement.every((statement) => statement.Effect === 'Allow');
      res.statusCode = allowed ? 200 : 403;
      res.end(JSON.stringify({ principalId: result.principalId }));
    },
    () => {
      res.statusCode = 500;
      res.end();
    },
  );
});

server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1');
