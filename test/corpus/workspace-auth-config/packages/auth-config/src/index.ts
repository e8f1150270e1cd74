export * from './okta';
export const apiAudience = 'api://default';
