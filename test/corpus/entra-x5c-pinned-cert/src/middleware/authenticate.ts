import jwt, { type JwtHeader, type SigningKeyCallback } from 'jsonwebtoken';
import type { NextFunction, Request, Response } from 'express';
import { X5C_BY_KID } from '../signing-certs';

function certificateFor(header: JwtHeader, callback: SigningKeyCallback) {
  callback(null, `-----BEGIN CERTIFICATE-----\n${X5C_BY_KID[header.kid!]}\n-----END CERTIFICATE-----`);
}

export function authenticate(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.split(' ')[1] ?? '';
  jwt.verify(
    token,
    certificateFor, // expect: oidc/no-hardcoded-jwt-key
    { issuer: 'https://login.microsoftonline.com/7f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f/v2.0', audience: process.env.AZURE_CLIENT_ID, algorithms: ['RS256'] },
    (error, claims) => (error ? res.sendStatus(401) : ((res.locals.claims = claims), next())),
  );
}
