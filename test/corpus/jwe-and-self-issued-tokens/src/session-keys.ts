// Development pair for the session service; production mounts its own from the secret store.
export const SESSION_PRIVATE_KEY = process.env.SESSION_PRIVATE_KEY ?? [
  '-----BEGIN PRIVATE KEY-----',
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgx4r2W0Jm9Yb3Qk1s',
  'Lq8fT3pZ6nV2cH5jR1wD0yK7eUuhRANCAATFt2xPq9r0nJ3mW5vK2bL8dH1gY4tQ',
  'c7Rj6wN0sE3fA9zX5pM1kV8uB2iC4oT6yL0eG7hJ9qS3nW1rD5vF2xZ8aK4m',
  '-----END PRIVATE KEY-----',
].join('\n');

export const SESSION_PUBLIC_KEY = [
  '-----BEGIN PUBLIC KEY-----',
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAExbdsT6va9JydlubysmyR0fYGOLUH',
  'O0euhsDdLBN3wPc8+aTNZFfLgdohOKE+sgvXhu4Sfatda9b9hcWdpYqBi1PMOQ==',
  '-----END PUBLIC KEY-----',
].join('\n');
