import { publicEncrypt, constants } from 'node:crypto';
import { EncryptJWT, importSPKI } from 'jose';

// The partner's encryption key: it encrypts what we send them and verifies nothing.
export const PARTNER_ENCRYPTION_KEY = [
  '-----BEGIN PUBLIC KEY-----',
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAr8Kq0mW2nV5xT9bZ3cY7',
  'd1fE4gH6jK8lM0nO2pQ4rS6tU8vW0xY2zA4bC6dE8fG0hI2jK4lM6nO8pQ0rS2tU',
  '4vW6xY8zA0bC2dE4fG6hI8jK0lM2nO4pQ6rS8tU0vW2xY4zA6bC8dE0fG2hI4jK6',
  'lM8nO0pQ2rS4tU6vW8xY0zA2bC4dE6fG8hI0jK2lM4nO6pQ8rS0tU2vW4xY6zA8b',
  'C0dE2fG4hI6jK8lM0nO2pQ4rS6tU8vW0xY2zA4bC6dE8fG0hI2jK4lM6nO8pQ0rS',
  '2tU4vW6xY8zA0bC2dE4fG6hI8jK0lM2nO4pQ6rS8tU0vW2xY4zA6bC8dE0fG2hI4',
  'jQIDAQAB',
  '-----END PUBLIC KEY-----',
].join('\n');

export async function encryptForPartner(claims: Record<string, unknown>) {
  const key = await importSPKI(PARTNER_ENCRYPTION_KEY, 'RSA-OAEP-256');
  return new EncryptJWT(claims).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).setIssuedAt().encrypt(key);
}

export function sealForPartner(secret: Buffer) {
  return publicEncrypt({ key: PARTNER_ENCRYPTION_KEY, padding: constants.RSA_PKCS1_OAEP_PADDING }, secret);
}
