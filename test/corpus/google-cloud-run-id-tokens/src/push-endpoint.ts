import express from 'express';
import { OAuth2Client } from 'google-auth-library';

const oauth = new OAuth2Client();
const app = express();

// Pub/Sub push: the subscription's service account sends a Google-signed ID token for this endpoint.
app.post('/pubsub/push', async (req, res) => {
  const bearer = req.headers.authorization?.split(' ')[1] ?? '';
  const ticket = await oauth.verifyIdToken({ idToken: bearer, audience: 'https://push.acme.com/pubsub/push' });
  if (ticket.getPayload()?.email !== 'push@acme-prod.iam.gserviceaccount.com') return res.sendStatus(403);
  res.sendStatus(204);
});

export default app;
