import { ManagementClient } from 'auth0';

const management = new ManagementClient({ domain: 'acme.auth0.com', clientId: process.env.AUTH0_M2M_CLIENT_ID!, clientSecret: process.env.AUTH0_M2M_CLIENT_SECRET! });

export const findUser = (id: string) => management.users.get({ id });
