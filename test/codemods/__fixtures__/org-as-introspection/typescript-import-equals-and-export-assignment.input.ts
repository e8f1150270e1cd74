import OktaJwtVerifier = require('@okta/jwt-verifier');
import type { Request, Response, NextFunction } from 'express';

const verifier = new OktaJwtVerifier({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID });

async function requireToken(req: Request, res: Response, next: NextFunction) {
  try {
    const jwt = await verifier.verifyAccessToken(req.headers.authorization?.replace('Bearer ', '') ?? '', 'https://acme.okta.com');
    res.locals.claims = jwt.claims;
    next();
  } catch {
    res.status(401).end();
  }
}

export = requireToken;
