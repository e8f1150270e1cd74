import express from 'express';
import { introspectOrgToken } from './introspect';
import { exchangeIdToken } from './token-exchange';

const app = express();
app.use(express.json());

app.get('/api/okta-profile', introspectOrgToken, (_req, res) => {
  res.json({ sub: res.locals.introspection.sub });
});

app.post('/api/ledger/balance', async (req, res) => {
  const { id_token: idToken } = req.body as { id_token: string };
  const { access_token } = await exchangeIdToken(idToken);
  const ledger = await fetch('https://ledger.acme.com/v1/balance', {
    headers: { Authorization: `Bearer ${access_token}` },
  });
  res.status(ledger.status).json(await ledger.json());
});

app.listen(Number(process.env.PORT ?? 3000));
