import express from 'express';
import { requireAccessToken } from './middleware/require-access-token';
import { requireScope } from './middleware/require-scope';

const app = express();

app.get('/api/messages', requireAccessToken, (_req, res) => res.json({ messages: [] }));
app.get('/api/directory', requireScope('okta.users.read'), (_req, res) => res.json({ users: [] }));

app.listen(Number(process.env.PORT ?? 8000));
