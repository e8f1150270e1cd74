export * from './okta';
export * from './endpoints';
export { default as oktaClient } from './okta';
export * as endpoints from './endpoints';
